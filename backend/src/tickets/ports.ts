/**
 * What escalation needs from outside, declared here by its users: the ticket system the agent
 * talks to (`JiraTickets`), the one-attempt gateway the outbox drives (`TicketGateway`), and where
 * escalations are kept (`EscalationStore`). Implemented by mcp/ and store/; tickets/ imports neither.
 * Adapters report failures as `TicketGatewayError` codes, so no caller reads upstream error text.
 */
import type { TicketRef } from '../contract/index.js';
import type { Category, Priority } from '../domain/index.js';

export interface TicketDraft {
  /** Specific, at most 120 characters. */
  summary: string;
  /** Markdown. */
  description: string;
  category: Category;
  priority?: Priority;
  /** Extra labels; `it-support-bot` and the category are always added by the implementation. */
  labels?: string[];
}

export interface CreateOptions {
  /** One escalation, one ticket: a second call with the same id returns the first ticket. */
  escalationId: string;
  conversationId: string;
  signal?: AbortSignal;
}

export interface LookupOptions {
  signal?: AbortSignal;
}

/** Thrown by `create` when the escalation is stored but the ticket could not be made yet. */
export const TICKET_QUEUED = 'unavailable:ticket_queued';

export interface JiraTickets {
  create(draft: TicketDraft, options: CreateOptions): Promise<TicketRef>;
  /** The employee's open bot tickets in this category, newest first (at most a few). */
  findOpen(reporterKey: string, category: Category, options?: LookupOptions): Promise<TicketRef[]>;
  /** Adds Markdown to an existing ticket (new details for an open problem). */
  addComment(key: string, markdown: string, options?: LookupOptions): Promise<void>;
  /** One ticket as Jira has it now (status questions). */
  get(key: string, options?: LookupOptions): Promise<TicketRef>;
  /** The employee's unresolved bot tickets, newest first ("my tickets"). */
  listOpen(reporterKey: string, options?: LookupOptions): Promise<TicketRef[]>;
}

export interface AttemptOptions extends CreateOptions {
  /**
   * Search for the escalation's label before creating: needed whenever an earlier attempt may
   * have made the ticket. Only an escalation's first attempt may skip it.
   */
  lookUpFirst: boolean;
}

/** One attempt at a ticket, no retries: the outbox records attempts and decides when to retry. */
export interface TicketGateway {
  attempt(draft: TicketDraft, options: AttemptOptions): Promise<TicketRef>;
}

/**
 * - `auth`: the ticket system refused our credentials (configuration, not an outage);
 * - `transient`: unreachable, overloaded or failing for now; the request did not take effect;
 * - `rejected`: the ticket system answered no (unknown project, bad issue type, bad query);
 * - `unknown-outcome`: the request may or may not have taken effect (timeout, unreadable answer).
 */
export type TicketFailureCode = 'auth' | 'transient' | 'rejected' | 'unknown-outcome';

/** The one failure type of the ticket ports; `message` is for logs and /readyz, never an employee. */
export class TicketGatewayError extends Error {
  constructor(
    readonly code: TicketFailureCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'TicketGatewayError';
  }
}

/** How a failed attempt is stored: `config` failures retry too, but are reported in /readyz. */
export type FailureKind = 'transient' | 'config';

export interface EscalationFailure {
  kind: FailureKind;
  cause: string;
}

export interface EscalationRecord {
  escalationId: string;
  conversationId: string;
  status: 'pending' | 'created';
  attempts: number;
  ticket: TicketRef | undefined;
  draft: TicketDraft | undefined;
  /** Epoch ms of the next retry by the worker. */
  nextAttemptAt: number;
  lastError: EscalationFailure | undefined;
  /** True once the chat has the ticket (the turn that created it, or a later delivery). */
  delivered: boolean;
}

export interface NewEscalation {
  escalationId: string;
  conversationId: string;
  draft: TicketDraft;
  notBefore: number;
}

/** The outbox's rows: one per escalation id, kept across restarts. */
export interface EscalationStore {
  get(escalationId: string): Promise<EscalationRecord | undefined>;
  /** Stores a confirmed escalation with its draft; a known id keeps its row. Returns the row. */
  enqueue(input: NewEscalation): Promise<EscalationRecord>;
  /** Records an attempt on an enqueued row; returns the attempt's number (1 for the first). */
  beginAttempt(escalationId: string): Promise<number>;
  /** The ticket exists; the chat is told separately (`markDelivered`). */
  complete(escalationId: string, ticket: TicketRef): Promise<void>;
  scheduleRetry(escalationId: string, nextAttemptAt: number, error: EscalationFailure): Promise<void>;
  markDelivered(escalationId: string): Promise<void>;
  /** Pending rows with a draft whose retry time has come, oldest first. */
  due(now: number, limit: number): Promise<EscalationRecord[]>;
  /** Created rows the chat has not been told about. */
  undelivered(): Promise<EscalationRecord[]>;
  pendingCount(): Promise<number>;
  /** When the oldest escalation still waiting for its ticket was stored (ms since the epoch). */
  oldestPendingAt(): Promise<number | undefined>;
  /** The newest configuration failure among pending rows, if any. */
  latestConfigError(): Promise<{ escalationId: string; cause: string } | undefined>;
}
