/**
 * The ticket port: what the agent and the chat use to escalate. Implementations talk MCP to
 * mcp-atlassian or to the local desk; callers never know which.
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

/** Thrown by `create` when the escalation is stored but the ticket could not be made yet. */
export const TICKET_QUEUED = 'unavailable:ticket_queued';

export interface JiraTickets {
  create(draft: TicketDraft, options: CreateOptions): Promise<TicketRef>;
  /** The employee's open bot tickets in this category, newest first (at most a few). */
  findOpen?(reporterEmail: string, category: Category, options?: { signal?: AbortSignal }): Promise<TicketRef[]>;
  /** Adds Markdown to an existing ticket (new details for an open problem). */
  addComment?(key: string, markdown: string, options?: { signal?: AbortSignal }): Promise<void>;
  /** One ticket as Jira has it now (status questions). */
  get?(key: string, options?: { signal?: AbortSignal }): Promise<TicketRef>;
  /** The employee's unresolved bot tickets, newest first ("my tickets"). */
  listOpen?(reporterEmail: string, options?: { signal?: AbortSignal }): Promise<TicketRef[]>;
}
