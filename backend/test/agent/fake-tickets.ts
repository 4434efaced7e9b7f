/**
 * A JiraTickets fake at the edge: the whole port, in memory. Counts calls, dedupes by escalation id
 * like the real port, can fail. It starts with no open tickets; `withOpenTickets` hands a test the
 * open tickets, look-ups and comments to arrange and inspect.
 */
import type { TicketRef } from '../../src/contract/index.js';
import type { Category } from '../../src/domain/index.js';
import type { CreateOptions, JiraTickets, TicketDraft } from '../../src/tickets/ports.js';

export interface OpenTicketsFake {
  /** Open tickets by reporter email and category, as `findOpen` and `listOpen` report them. */
  open: { email: string; category: Category; ticket: TicketRef }[];
  lookups: { email: string; category: Category }[];
  comments: { key: string; markdown: string }[];
  lookup: 'ok' | 'fail' | 'hang';
  failComments: number;
}

export interface FakeTickets extends JiraTickets {
  calls: { draft: TicketDraft; options: CreateOptions }[];
  created: Map<string, TicketRef>;
  failNext: number;
  openTickets: OpenTicketsFake;
}

export function createFakeTickets(): FakeTickets {
  const state: OpenTicketsFake = { open: [], lookups: [], comments: [], lookup: 'ok', failComments: 0 };
  const fake: FakeTickets = {
    calls: [],
    created: new Map(),
    failNext: 0,
    openTickets: state,
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
    async findOpen(email, category) {
      state.lookups.push({ email, category });
      if (state.lookup === 'fail') throw new Error('jira search exploded');
      // Ignores the signal on purpose: the agent must not wait for a port that hangs.
      if (state.lookup === 'hang') await new Promise(() => undefined);
      return state.open.filter((o) => o.email === email && o.category === category).map((o) => o.ticket);
    },
    async addComment(key, markdown) {
      if (state.failComments > 0) {
        state.failComments--;
        throw new Error('comment upstream exploded');
      }
      state.comments.push({ key, markdown });
    },
    async get(key) {
      const known = [...fake.created.values(), ...state.open.map((o) => o.ticket)].find((t) => t.key === key);
      if (!known) throw new Error(`issue ${key} does not exist`);
      return known;
    },
    async listOpen(email) {
      return state.open.filter((o) => o.email === email).map((o) => o.ticket);
    },
  };
  return fake;
}

/** The fake's open tickets, look-ups and comments, for a test to arrange and inspect. */
export function withOpenTickets(fake: FakeTickets): OpenTicketsFake {
  return fake.openTickets;
}
