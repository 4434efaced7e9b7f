/**
 * What the chat use case needs from outside, declared here by its user: where events go
 * (`Publish`, implemented by socket/), where conversations live (`ConversationStore`, store/) and
 * who answers (`SupportAgent`, agent/). The chat imports none of those folders. Store methods
 * return promises: the embedded SQLite answers at once, Postgres over the network.
 */
import type { ChatMessage, ServerToClientEvents, TicketRef, User } from '../contract/index.js';
import type { Language } from '../domain/index.js';

/** Sends a server event to every connection of one conversation. */
export type Publish = <E extends keyof ServerToClientEvents>(
  conversationId: string,
  event: E,
  ...args: Parameters<ServerToClientEvents[E]>
) => void;

export interface SessionRecord {
  user: User;
  conversationId: string;
  /** Shared by the sessions one browser opened (its first session and every `conversation:new`). */
  browserId: string;
}

export interface NewMessage {
  conversationId: string;
  role: 'user' | 'assistant';
  text: string;
  clientId?: string;
  quickReplies?: string[];
  ticket?: TicketRef;
  id?: string;
}

/** Conversations, their messages, sessions and ticket references: the history a widget gets back. */
export interface ConversationStore {
  createConversation(user: User): Promise<string>;
  /** Returns the new session token; only a digest of it is stored. */
  createSession(user: User, conversationId: string, browserId: string): Promise<string>;
  findSession(sessionToken: string): Promise<SessionRecord | undefined>;
  findByClientId(conversationId: string, clientId: string): Promise<ChatMessage | undefined>;
  /** A message whose `id` is already stored is not stored again (a turn run again after a crash). */
  addMessage(message: NewMessage): Promise<ChatMessage>;
  listMessages(conversationId: string): Promise<ChatMessage[]>;
  countMessages(conversationId: string): Promise<number>;
  addTicket(conversationId: string, ticket: TicketRef): Promise<void>;
  listTickets(conversationId: string): Promise<TicketRef[]>;
  /** The conversation's language, stored so texts outside the agent's turns use it too. */
  setLanguage(conversationId: string, language: Language): Promise<void>;
  getLanguage(conversationId: string): Promise<Language | undefined>;
}

/**
 * An accepted message's turn, stored with the message before the ack so that a crash cannot lose
 * it: at start-up every turn still pending runs.
 */
export interface PendingTurn {
  conversationId: string;
  /** The employee's stored message; the turn's reply is stored under `replyIdOf(messageId)`. */
  messageId: string;
  text: string;
  user: User;
  owner: string;
}

export interface TurnJournal {
  /** Stores the employee's message and its pending turn in one transaction. */
  accept(message: NewMessage & { role: 'user' }, turn: Pick<PendingTurn, 'user' | 'owner'>): Promise<ChatMessage>;
  /** The turn's reply is stored: it no longer needs to run. */
  finish(messageId: string): Promise<void>;
  /** Oldest first. */
  pending(): Promise<PendingTurn[]>;
  /** Whether the turn still has to run (its reply is not stored yet). */
  isPending(messageId: string): Promise<boolean>;
}

/**
 * One holder at a time per conversation across every process sharing the database (replicas).
 * Without it (the embedded default) the in-process turn queue is the only one needed.
 */
export interface ConversationLocks {
  withLock<T>(conversationId: string, task: () => Promise<T>): Promise<T>;
}

/** The reply to a message has a fixed id, so a turn run again after a crash never answers twice. */
export const replyIdOf = (messageId: string): string => `${messageId}:reply`;

export interface AgentTurn {
  conversationId: string;
  /** The employee's stored message: a turn run again after a crash continues where it stopped. */
  messageId: string;
  text: string;
  user: User;
  /**
   * Whose tickets this conversation may see and comment on: the verified email in token mode; in
   * open mode, where anyone can type any email, that email within this browser's conversations.
   */
  owner: string;
}

export interface AgentReply {
  text: string;
  quickReplies?: string[];
  ticket?: TicketRef;
  /** The conversation's language after this turn; the chat stores it with the conversation. */
  language?: Language;
}

export interface ReplyOptions {
  signal?: AbortSignal;
  /**
   * What a model streams of the reply, as it arrives: a prefix of `AgentReply.text` (the final
   * message completes it). Text the product writes itself (offline replies, offers) is not
   * streamed: it arrives whole in the final message.
   */
  onToken?: (delta: string) => void;
}

/**
 * One call per employee turn. The chat serialises turns per conversation, so an implementation
 * may assume no two calls run on one conversation at once.
 */
export interface SupportAgent {
  reply(turn: AgentTurn, options?: ReplyOptions): Promise<AgentReply>;
  /**
   * A queued escalation became a ticket outside a turn: the conversation learns it (so "create a
   * ticket" points to it) and gets the text to show, in the employee's language.
   */
  ticketCreated(conversationId: string, ticket: TicketRef, escalationId?: string): Promise<{ text: string }>;
  close(): Promise<void>;
}
