import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withOpenTickets } from '../fake-tickets.js';
import { chat, createHarness, type Harness, OPENER, user } from './llm-harness.js';

let h: Harness;

beforeEach(async () => {
  h = await createHarness();
});

afterEach(async () => {
  await h.close();
});

describe('an open ticket of the same kind in LLM mode', () => {
  it('offers to add to it and reads the answer by rule, without asking the model', async () => {
    const open = withOpenTickets(h.tickets);
    const ticket = { key: 'IT-7', url: 'https://desk.example/browse/IT-7', summary: 'Teams: blank', status: 'To Do' };
    open.open.push({ email: user.email, category: 'teams', ticket });
    const say = chat(await h.newAgent());
    await say(OPENER);
    const offer = await say('create a ticket');
    expect(offer.quickReplies).toEqual(['Add to IT-7', 'Create a new ticket', 'No, thanks']);
    const asked = h.model.requests.length;

    const added = await say('yes');
    expect(added.text).toContain('**IT-7**');
    expect(open.comments.map((c) => c.key)).toEqual(['IT-7']);
    expect(open.comments[0]!.markdown).toContain(`> ${OPENER}`);
    expect(h.tickets.calls).toHaveLength(0);
    expect(h.model.requests.slice(asked).map((r) => r.name)).not.toContain('record_confirmation');
  });
});
