/**
 * A turn killed half-way (issue 10's durable turns): run again with the same message id, the agent
 * continues from its last checkpoint instead of reading the message a second time, creates the
 * ticket once under the escalation id fixed before the first attempt, and a third run of the same
 * turn only repeats its reply.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply, AgentTurn, SupportAgent } from '../../src/chat/ports.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, type FakeTickets } from './fake-tickets.js';

const createAgent = useOfflineAgents('turn-recovery-');
let tickets: FakeTickets;

beforeEach(() => {
  tickets = createFakeTickets();
});

const turn = (text: string, messageId = crypto.randomUUID()): AgentTurn => ({
  conversationId: 'conv-r',
  messageId,
  text,
  user,
  owner: user.email,
});

async function reachOffer(agent: SupportAgent): Promise<AgentReply> {
  let reply = await agent.reply(turn('Outlook keeps asking for my password every few minutes'));
  for (let i = 0; i < 6 && !reply.quickReplies?.includes('Yes, create a ticket'); i++) {
    reply = await agent.reply(turn('still not working'));
  }
  expect(reply.quickReplies).toContain('Yes, create a ticket');
  return reply;
}

describe('a turn run again after a crash', () => {
  it('continues the confirmation where it stopped and makes one ticket', async () => {
    const first = await createAgent({ tickets });
    await reachOffer(first);
    // The process "dies" while the ticket is being created: that call never returns.
    const hanging = { ...tickets, create: () => new Promise<never>(() => undefined) };
    const dying = await createAgent({ tickets: hanging });
    const yes = turn('yes please');
    void dying.reply(yes).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const restarted = await createAgent({ tickets });
    const reply = await restarted.reply(yes);
    expect(reply.ticket?.key).toBe('IT-1');
    expect(tickets.calls).toHaveLength(1);

    const again = await restarted.reply(yes);
    expect(again.text).toBe(reply.text);
    expect(tickets.calls).toHaveLength(1);
  });

  it('does not read a message twice when its turn had already finished', async () => {
    const agent = await createAgent({ tickets });
    const opener = turn('My laptop fan is very loud and it gets hot');
    const first = await agent.reply(opener);
    const second = await agent.reply(opener);
    expect(second.text).toBe(first.text);
    const next = await agent.reply(turn('still not working'));
    expect(next.text).not.toBe(first.text);
  });
});
