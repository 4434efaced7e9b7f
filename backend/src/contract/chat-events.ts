/**
 * The public socket.io contract between the backend and the chat widget (DESIGN.md, "Public
 * contract"): event names, payload types and limits. No dependencies, so the widget imports it
 * as is; the backend's zod schemas (`socket/payload-schemas.ts`) are checked against these types.
 * Change these names and shapes only with docs and a note.
 */

/** Longest `message:send` text the server accepts (characters, after trimming). */
export const MAX_MESSAGE_LENGTH = 4000;
export const MAX_CLIENT_ID_LENGTH = 100;
export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 320;
export const MAX_TOKEN_LENGTH = 8192;
export const MAX_SESSION_TOKEN_LENGTH = 512;

/** Events a client sends; each takes an ack. */
export const CLIENT_EVENTS = ['message:send', 'conversation:new'] as const;
export type ClientEventName = (typeof CLIENT_EVENTS)[number];

/** Events the server sends. */
export const SERVER_EVENTS = [
  'session',
  'message:delta',
  'message',
  'typing',
  'ticket:created',
  'ticket:updated',
  'error',
] as const;
export type ServerEventName = (typeof SERVER_EVENTS)[number];

export interface User {
  name: string;
  email: string;
}

export interface TicketRef {
  key: string;
  url: string;
  summary: string;
  status: string;
}

export interface ChatMessage {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  createdAt: string;
  quickReplies?: string[];
  ticket?: TicketRef;
}

/** socket.io handshake `auth`: a signed identity (token mode), a claimed one (open mode), a resume. */
export interface HandshakeAuth {
  token?: string;
  user?: { name?: string; email?: string };
  sessionToken?: string;
}

export interface SendMessage {
  text: string;
  clientId?: string;
}

export interface SessionPayload {
  conversationId: string;
  sessionToken: string;
  user: User;
  messages: ChatMessage[];
  tickets: TicketRef[];
}

export interface TicketUpdate {
  key: string;
  url: string;
  kind: 'comment' | 'status';
  status?: string;
  comment?: { author: string; text: string };
  at: string;
}

export interface ErrorPayload {
  code: string;
  message: string;
  /** With `rate_limit:*` codes: how long to wait before sending again. */
  retryAfterMs?: number;
}

export type Ack<T extends object = object> = ({ ok: true } & T) | { ok: false; error: ErrorPayload };

export interface ServerToClientEvents {
  session: (payload: SessionPayload) => void;
  'message:delta': (payload: { id: string; delta: string }) => void;
  message: (payload: ChatMessage) => void;
  /** `queued`: the service is busy and the employee's message waits its turn (it is not lost). */
  typing: (payload: { active: boolean; queued?: boolean }) => void;
  'ticket:created': (payload: TicketRef) => void;
  'ticket:updated': (payload: TicketUpdate) => void;
  error: (payload: ErrorPayload) => void;
}

export interface ClientToServerEvents {
  'message:send': (payload: unknown, ack?: (res: Ack<{ message: ChatMessage }>) => void) => void;
  'conversation:new': (payload: unknown, ack?: (res: Ack<{ conversationId: string }>) => void) => void;
}

// The name lists and the event maps must name the same events; a mismatch fails typecheck here.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const clientEventsMatch: SameKeys<ClientEventName, keyof ClientToServerEvents> = true;
const serverEventsMatch: SameKeys<ServerEventName, keyof ServerToClientEvents> = true;
void clientEventsMatch;
void serverEventsMatch;
