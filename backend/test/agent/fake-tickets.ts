/**
 * A JiraTickets fake at the edge: counts calls, dedupes by escalation id like the real port, can
 * fail; `withOpenTickets` adds the open-ticket look-up and comments.
 */
import type { TicketRef } from '../../src/contract/index.js';
import type { CreateOptions, JiraTickets, TicketDraft } from '../../src/tickets/ports.js';
import type { Category } from '../../src/domain/index.js';

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

export interface OpenTicketsFake {
  /** Open tickets by reporter email and category, as `findOpen` reports them. */
  open: { email: string; category: Category; ticket: TicketRef }[];
  lookups: { email: string; category: Category }[];
  comments: { key: string; markdown: string }[];
  lookup: 'ok' | 'fail' | 'hang';
  failComments: number;
}

/** Gives the fake the open-ticket look-up and comments (opt-in, so other tests keep today's offer). */
export function withOpenTickets(fake: FakeTickets): OpenTicketsFake {
  const state: OpenTicketsFake = { open: [], lookups: [], comments: [], lookup: 'ok', failComments: 0 };
  fake.findOpen = async (email, category) => {
    state.lookups.push({ email, category });
    if (state.lookup === 'fail') throw new Error('jira search exploded');
    // Ignores the signal on purpose: the agent must not wait for a port that hangs.
    if (state.lookup === 'hang') await new Promise(() => undefined);
    return state.open.filter((o) => o.email === email && o.category === category).map((o) => o.ticket);
  };
  fake.addComment = async (key, markdown) => {
    if (state.failComments > 0) {
      state.failComments--;
      throw new Error('comment upstream exploded');
    }
    state.comments.push({ key, markdown });
  };
  return state;
}
