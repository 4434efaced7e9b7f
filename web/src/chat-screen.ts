/**
 * What the chat controller asks of the screen. The custom element implements it with the DOM;
 * tests record the calls. Types only, so the controller stays loadable in node.
 */
import type { ChatMessage, ErrorPayload, TicketRef } from '@helpdesk/backend/contract';
import type { ConnectionStatus } from './connection.js';

export type PendingState = 'queued' | 'sending';

/** A message the server has not acknowledged yet, keyed by the clientId it is sent with. */
export interface PendingMessage {
  clientId: string;
  text: string;
  state: PendingState;
}

/** Only `key` is always known: a status update carries no summary. */
export type TicketInfo = Pick<TicketRef, 'key'> & Partial<Omit<TicketRef, 'key'>>;

/** Everything the conversation area shows after a `session` or a new conversation. */
export interface ConversationSnapshot {
  messages: readonly ChatMessage[];
  tickets: readonly TicketRef[];
  pending: readonly PendingMessage[];
  quickReplies: readonly string[];
}

export interface ChatScreen {
  /** The socket's state; it is up a moment before the session is. */
  showStatus(status: ConnectionStatus): void;
  /** The server refused the handshake for good; the screen decides whether to ask for an identity. */
  showRefusal(error: ErrorPayload): void;
  /** Replaces the whole conversation area. */
  showConversation(snapshot: ConversationSnapshot): void;
  showMessage(message: ChatMessage): void;
  appendDelta(id: string, delta: string): void;
  /** `queued`: the service is busy and the message waits its turn. */
  setTyping(active: boolean, queued?: boolean): void;
  upsertTicket(ticket: TicketInfo): void;
  addNotice(text: string, tone?: 'info' | 'error'): void;
  addPending(message: PendingMessage): void;
  setPendingState(clientId: string, state: PendingState): void;
  /** The server accepted a pending message under its own id. */
  confirmPending(clientId: string, message: ChatMessage): void;
  /** The server refused a pending message or never answered; `text` goes back to the employee. */
  refusePending(clientId: string, text: string, reason: string): void;
  setQuickReplies(replies: readonly string[]): void;
  setNewConversationBusy(isBusy: boolean): void;
}
