import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Scripted } from '../../support/scripted-openai.js';
import { chat, createHarness, type Harness, MODEL_REPLY, OPENER, script } from './llm-harness.js';

let h: Harness;
/** The offline engine's wording for the first Teams steps. */
let offlineFirst: string;

beforeEach(async () => {
  h = await createHarness();
  const teams = h.playbook('teams-wont-start');
  offlineFirst = `From the playbook *${teams.title}*, please try:\n\n1. ${teams.steps[0] ?? ''}`;
});

afterEach(async () => {
  await h.close();
});

describe('model failures in LLM mode', () => {
  const failures: [string, Scripted][] = [
    ['HTTP 500', { status: 500 }],
    ['HTTP 429', { status: 429, message: 'Rate limit reached for requests' }],
    ['a hang past the timeout', { hang: true }],
    ['malformed output', { malformed: true }],
  ];

  it.each(failures)(
    'answers the turn with the offline engine on %s, and the conversation continues with the model',
    async (_name, failure) => {
      h.model.respond = () => failure;
      const say = chat(await h.newAgent({ timeoutMs: 500 }));
      const first = await say(OPENER);
      expect(first.text).toContain(offlineFirst);
      expect(first.pieces).toEqual([]);
      expect(h.model.requests.length).toBeGreaterThanOrEqual(2);
      expect(h.logs.join('\n')).toContain('model call failed; the offline engine answers this turn');
      expect(h.logs.join('\n')).not.toContain('sk-test-secret-key');

      h.model.respond = script();
      const second = await say('still not working');
      expect(second.text).toBe(MODEL_REPLY);
      await say('create a ticket');
      const done = await say('yes');
      expect(done.ticket?.key).toBe('IT-1');
      expect(h.tickets.calls).toHaveLength(1);
    },
    20_000,
  );

  it('falls back when the model server refuses connections', async () => {
    const say = chat(await h.newAgent({ baseUrl: 'http://127.0.0.1:1/v1', timeoutMs: 500 }));
    const first = await say(OPENER);
    expect(first.text).toContain(offlineFirst);
    const offer = await say('create a ticket');
    expect(offer.quickReplies).toContain('Yes, create a ticket');
    // The rules alone read the answer: "yes" still confirms, "unclear" would not.
    await say('yes');
    expect(h.tickets.calls).toHaveLength(1);
  }, 20_000);

  it('keeps streamed tokens when the stream stalls, and completes the reply with the offline steps', async () => {
    const partial = ['Sorry', ' about', ' that.', ' First,'];
    h.model.respond = script({ reply: { stallAfter: partial } });
    const say = chat(await h.newAgent({ timeoutMs: 500 }));
    const first = await say(OPENER);
    // What the model streamed stays on screen; the final message completes it.
    expect(first.pieces).toEqual(partial);
    expect(first.text.startsWith(partial.join(''))).toBe(true);
    expect(first.text.startsWith('Sorry about that. First,…\n\n(My answer was cut off — here it is in full.)')).toBe(
      true,
    );
    expect(first.text).toContain(offlineFirst);
  }, 20_000);

  it('reads the answer to the offer by rule when the intent call fails', async () => {
    const say = chat(await h.newAgent({ timeoutMs: 5_000, maxRetries: 0 }));
    await say(OPENER);
    await say('create a ticket');
    h.model.respond = script({ confirmation: { status: 503 } });
    const reply = await say('yes please');
    expect(reply.ticket?.key).toBe('IT-1');
    expect(h.tickets.calls).toHaveLength(1);
    expect(h.logs.join('\n')).toMatch(/"node":"askConfirmation".*HTTP 503/);
  }, 20_000);
});
