/**
 * The ticket port: what the agent and the chat use to escalate. Implementations talk MCP to
 * mcp-atlassian or to the local desk; callers never know which.
 */
import type { TicketRef } from '../contract/index.js';

export const CATEGORIES = [
  'teams',
  'email',
  'vpn',
  'network',
  'printer',
  'account',
  'mfa',
  'hardware',
  'software',
  'performance',
  'storage',
  'audio-video',
  'display',
  'access',
  'mobile',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const BOT_LABEL = 'it-support-bot';

export type Priority = 'Highest' | 'High' | 'Medium' | 'Low';

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

export interface JiraTickets {
  create(draft: TicketDraft, options: CreateOptions): Promise<TicketRef>;
}
