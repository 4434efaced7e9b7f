/**
 * The agent port: one call per employee turn. The chat use case serialises turns per
 * conversation, so an implementation may assume no two replies run on one thread at once.
 */
import type { TicketRef, User } from '../contract/index.js';

export interface AgentTurn {
  conversationId: string;
  text: string;
  user: User;
}

export interface AgentReply {
  text: string;
  quickReplies?: string[];
  ticket?: TicketRef;
}

export interface ReplyOptions {
  signal?: AbortSignal;
  /** Streamed pieces of the reply text, in order; their concatenation equals `AgentReply.text`. */
  onToken?: (delta: string) => void;
}

export interface SupportAgent {
  reply(turn: AgentTurn, options?: ReplyOptions): Promise<AgentReply>;
  /**
   * A queued escalation became a ticket outside a turn: the conversation learns it (so "create a
   * ticket" points to it) and gets the text to show, in the employee's language.
   */
  ticketCreated?(conversationId: string, ticket: TicketRef, escalationId?: string): Promise<{ text: string }>;
  close?(): Promise<void>;
}
