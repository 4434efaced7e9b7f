/** A JiraTickets fake at the edge: counts calls, dedupes by escalation id like the real port, can fail. */
import type { TicketRef } from '../../src/contract/index.js';
import type { CreateOptions, JiraTickets, TicketDraft } from '../../src/tickets/ports.js';

export interface FakeTickets extends JiraTickets {
  calls: { draft: TicketDraft; options: CreateOptions }[];
  created: Map<string, TicketRef>;
  failNext: number;
}

export function createFakeTickets(): FakeTickets {
  const fake: FakeTickets = {
    calls: [],
    created: new Map(),
    failNext: 0,
    async create(draft, options) {
      fake.calls.push({ draft, options });
      if (fake.failNext > 0) {
        fake.failNext--;
        throw new Error('upstream exploded: stack trace here');
      }
      const existing = fake.created.get(options.escalationId);
      if (existing) return existing;
      const key = `IT-${fake.created.size + 1}`;
      const ticket = { key, url: `https://desk.example/browse/${key}`, summary: draft.summary, status: 'Open' };
      fake.created.set(options.escalationId, ticket);
      return ticket;
    },
  };
  return fake;
}
