import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { batchSize } from '../../../src/agent/nodes/troubleshoot.js';
import { tokens } from '../../support/scripted-openai.js';
import { chat, createHarness, type Harness, MODEL_REPLY, OPENER, script } from './llm-harness.js';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

describe('the agent in LLM mode', () => {
  it('streams the grounded model reply token by token and ends in one ticket after "yes"', async () => {
    const say = chat(await h.newAgent());
    const first = await say(OPENER);
    expect(first.text).toBe(MODEL_REPLY);
    // The model's own tokens, not the offline chunker's pieces.
    expect(first.pieces).toEqual(tokens(MODEL_REPLY));
    expect(first.quickReplies).toEqual(['That fixed it', 'Still not working', 'Create a ticket']);

    const [understanding, reply] = h.model.requests;
    expect(understanding).toMatchObject({ kind: 'structured', name: 'record_understanding', lastUser: OPENER });
    expect(understanding?.body.stream).toBeFalsy();
    expect(understanding?.system).toContain('teams-wont-start');
    expect(reply?.kind).toBe('reply');
    expect(reply?.body.stream).toBe(true);
    expect(reply?.body.stream_options).toBeUndefined();
    expect(reply?.authorization).toBe('Bearer sk-test-secret-key');
    // Grounded: the playbook's title, this turn's steps and its escalation rule — not later steps.
    const teams = h.playbook('teams-wont-start');
    const firstBatch = batchSize(teams.steps.length);
    expect(reply?.system).toContain(`*${teams.title}*`);
    for (let i = 0; i < firstBatch; i++) expect(reply?.system).toContain(`${i + 1}. ${teams.steps[i] ?? ''}`);
    expect(reply?.system).not.toContain(teams.steps[firstBatch]);
    expect(reply?.system).toContain(`IT must take over when: ${teams.escalateWhen}`);
    expect(reply?.system).toContain('Answer in English.');

    const second = await say('still not working');
    expect(second.text).toBe(MODEL_REPLY);
    const feedback = h.model.requests.find((r) => r.name === 'record_feedback');
    expect(feedback?.lastUser).toBe('still not working');
    const nextReply = h.model.requests.filter((r) => r.kind === 'reply')[1];
    expect(nextReply?.system).toContain(`${firstBatch + 1}. ${teams.steps[firstBatch] ?? ''}`);
    expect(nextReply?.system).not.toContain(teams.steps[0]);

    const offer = await say('create a ticket');
    expect(offer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(offer.text).toContain('Teams: white screen on startup (Windows laptop)');
    // The offer is the product's text, not the model's: it arrives whole.
    expect(offer.pieces).toEqual([]);
    expect(h.tickets.calls).toHaveLength(0);

    const done = await say('yes');
    expect(h.tickets.calls).toHaveLength(1);
    expect(h.tickets.calls[0]?.options.escalationId).toBe('conv-llm:1');
    expect(h.tickets.calls[0]?.draft.description).toContain(`> ${OPENER}`);
    expect(done.ticket?.key).toBe('IT-1');
    expect(done.text).toContain('https://desk.example/browse/IT-1');
    expect(h.model.requests.at(-1)?.name).toBe('record_confirmation');
    expect(h.logs.join('\n')).not.toContain('sk-test-secret-key');
  });

  it('creates no ticket when the model reads "don\'t create a ticket" as confirm', async () => {
    h.model.respond = script({ confirmation: { json: { intent: 'confirm' } } });
    const say = chat(await h.newAgent());
    await say(OPENER);
    await say('create a ticket');
    const reply = await say("don't create a ticket");
    expect(h.model.requests.at(-1)).toMatchObject({ name: 'record_confirmation', lastUser: "don't create a ticket" });
    expect(h.tickets.calls).toHaveLength(0);
    expect(reply.text).toContain("I won't create a ticket");

    const other = chat(await h.newAgent(), 'conv-llm-2');
    await other(OPENER);
    await other('create a ticket');
    const fixed = await other('yes, it works now');
    expect(h.tickets.calls).toHaveLength(0);
    expect(fixed.text).toContain("glad it's working again");
  });

  it("answers a question about the offer with the model's answer and asks again", async () => {
    const answer = 'IT support staff in the Jira queue will see it.';
    h.model.respond = script({ confirmation: { json: { intent: 'question', answer } } });
    const say = chat(await h.newAgent());
    await say(OPENER);
    await say('create a ticket');
    const reply = await say('who exactly gets to read it');
    expect(reply.text).toBe(`${answer}\n\nSo — shall I create the ticket?`);
    expect(reply.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(h.tickets.calls).toHaveLength(0);
    const confirmation = h.model.requests.at(-1);
    expect(confirmation?.system).toContain('No response time can be promised');
    expect(confirmation?.system).toContain('Shall I create the ticket?');
  });

  it('asks the model to answer in Japanese for a Japanese opener, grounded in the Japanese steps', async () => {
    const opener = '印刷が止まったままです';
    const routed = h.knowledge.route(opener)?.playbook;
    expect(routed?.category).toBe('printer');
    const japanese = `プレイブック *${routed?.title ?? ''}* から、次の手順を試してください。`;
    h.model.respond = script({
      understanding: {
        json: {
          category: 'printer',
          playbookId: routed?.id,
          symptom: '印刷が止まったまま',
          urgency: 'medium',
          language: 'ja',
        },
      },
      reply: { text: japanese, chunks: Array.from(japanese) },
    });
    const say = chat(await h.newAgent());
    const first = await say(opener);
    expect(first.text).toBe(japanese);
    expect(first.pieces.length).toBe(Array.from(japanese).length);
    expect(first.quickReplies).toEqual(['直りました', 'まだ直りません', 'チケットを作成']);
    const understanding = h.model.requests.find((r) => r.name === 'record_understanding');
    expect(understanding?.system).toContain(`- ${routed?.id ?? ''}: `);
    const reply = h.model.requests.find((r) => r.kind === 'reply');
    expect(reply?.system).toContain('Answer in Japanese (日本語で回答してください)');
    expect(reply?.system).toContain(`1. ${routed?.stepsJa[0] ?? routed?.steps[0] ?? ''}`);
    // The employee reads Japanese: the model cites the playbook by its Japanese title.
    expect(routed?.titleJa).toBeDefined();
    expect(reply?.system).toContain(`*${routed?.titleJa ?? ''}*`);
    expect(reply?.system).not.toContain(routed?.title ?? '');

    await say('チケットを作成');
    await say('はい');
    expect(h.tickets.calls[0]?.draft.category).toBe('printer');
    expect(h.tickets.calls[0]?.draft.summary).toContain('印刷が止まったまま');
  });

  it('keeps the retrieved playbook when the model names one outside the candidates', async () => {
    h.model.respond = script({
      understanding: {
        json: { category: 'vpn', playbookId: 'made-up-policy', symptom: 'x', urgency: 'low', language: 'en' },
      },
    });
    const say = chat(await h.newAgent());
    await say(OPENER);
    const reply = h.model.requests.find((r) => r.kind === 'reply');
    expect(reply?.system).toContain(`Playbook: ${h.playbook('teams-wont-start').title}`);
  });
});
