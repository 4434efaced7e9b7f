/**
 * The widget's only socket.io user. It turns the wire contract into callbacks and promises with
 * one outcome type, so the element never sees socket.io's error shapes. The handshake `auth` is a
 * function: every reconnect sends the newest session token.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  Ack,
  ChatMessage,
  ClientToServerEvents,
  ErrorPayload,
  HandshakeAuth,
  ServerToClientEvents,
  SessionPayload,
  TicketRef,
  TicketUpdate,
} from '@helpdesk/backend/contract';

type ChatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** `disconnected`: the server ended the connection on purpose; only `reconnect()` brings it back. */
export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'closed';

export interface ConnectionHandlers {
  onStatus(status: ConnectionStatus): void;
  /** The server refused the handshake; socket.io will not retry on its own. */
  onRejected(error: ErrorPayload): void;
  onSession(payload: SessionPayload): void;
  onDelta(payload: { id: string; delta: string }): void;
  onMessage(message: ChatMessage): void;
  onTyping(active: boolean, queued: boolean): void;
  onTicketCreated(ticket: TicketRef): void;
  onTicketUpdated(update: TicketUpdate): void;
  onError(error: ErrorPayload): void;
}

export type EmitOutcome<T> =
  | { status: 'ok'; value: T }
  | { status: 'rejected'; error: ErrorPayload }
  /** The connection dropped before the server answered: the request may or may not have arrived. */
  | { status: 'disconnected' }
  | { status: 'timeout' };

export interface ChatConnection {
  isConnected(): boolean;
  sendMessage(payload: { text: string; clientId: string }): Promise<EmitOutcome<{ message?: ChatMessage }>>;
  newConversation(): Promise<EmitOutcome<{ conversationId?: string }>>;
  /** Try again after a rejected handshake or a server-side disconnect. */
  reconnect(): void;
  close(): void;
}

export interface ConnectionOptions {
  /** Base URL of the backend; a path part is where socket.io is mounted (`<path>/socket.io`). */
  server: string;
  getAuth(): HandshakeAuth;
  handlers: ConnectionHandlers;
  /** How long to wait for an ack; a turn with a slow model can take a while. */
  ackTimeoutMs?: number;
}

export function createConnection(options: ConnectionOptions): ChatConnection {
  const { handlers } = options;
  const { origin, path } = socketLocation(options.server);
  const ackTimeoutMs = options.ackTimeoutMs ?? 120_000;
  const socket: ChatSocket = io(origin, {
    path,
    auth: (cb) => cb({ ...options.getAuth() }),
    reconnectionDelayMax: 10_000,
  });
  let isClosed = false;

  handlers.onStatus('connecting');
  socket.on('connect', () => handlers.onStatus('connected'));
  socket.on('disconnect', (reason) => {
    if (isClosed) return;
    // After a server-side disconnect socket.io does not come back by itself, and retrying in a
    // loop could hammer a server that keeps refusing us: leave it to the user.
    handlers.onStatus(reason === 'io server disconnect' ? 'disconnected' : 'reconnecting');
  });
  socket.on('connect_error', (error: Error & { data?: unknown }) => {
    if (isClosed) return;
    if (socket.active) {
      handlers.onStatus('reconnecting');
      return;
    }
    handlers.onRejected(toErrorPayload(error.data, error.message));
  });
  socket.on('session', (payload) => handlers.onSession(payload));
  socket.on('message:delta', (payload) => handlers.onDelta(payload));
  socket.on('message', (message) => handlers.onMessage(message));
  socket.on('typing', (payload) => handlers.onTyping(payload.active, payload.queued === true));
  socket.on('ticket:created', (ticket) => handlers.onTicketCreated(ticket));
  socket.on('ticket:updated', (update) => handlers.onTicketUpdated(update));
  socket.on('error', (error) => handlers.onError(toErrorPayload(error, 'Something went wrong.')));

  async function emit<T extends object>(
    send: (s: ReturnType<ChatSocket['timeout']>) => Promise<Ack<T>>,
  ): Promise<EmitOutcome<Partial<T>>> {
    if (!socket.connected) return { status: 'disconnected' };
    try {
      const ack: unknown = await send(socket.timeout(ackTimeoutMs));
      if (isObject(ack) && ack['ok'] === true) return { status: 'ok', value: ack as Partial<T> };
      const error = isObject(ack) ? ack['error'] : undefined;
      return { status: 'rejected', error: toErrorPayload(error, 'The message could not be sent.') };
    } catch {
      // socket.io rejects with the same Error type for both; the connection state tells them apart.
      return socket.connected ? { status: 'timeout' } : { status: 'disconnected' };
    }
  }

  return {
    isConnected: () => socket.connected,
    sendMessage: (payload) =>
      emit<{ message: ChatMessage }>(
        (s) => s.emitWithAck('message:send', payload) as Promise<Ack<{ message: ChatMessage }>>,
      ),
    newConversation: () =>
      emit<{ conversationId: string }>(
        (s) => s.emitWithAck('conversation:new', {}) as Promise<Ack<{ conversationId: string }>>,
      ),
    reconnect: () => {
      if (isClosed || socket.connected) return;
      handlers.onStatus('connecting');
      socket.connect();
    },
    close: () => {
      isClosed = true;
      socket.removeAllListeners();
      socket.disconnect();
      handlers.onStatus('closed');
    },
  };
}

/**
 * The backend's base URL: the `server` attribute (relative to the page), else where the script
 * came from, else the page's own origin; no trailing slash.
 */
export function resolveServer(
  attribute: string | undefined,
  defaultServer: string,
  page: { origin: string; href: string },
): string {
  const raw = attribute?.trim() || defaultServer || page.origin;
  try {
    return new URL(raw, page.href).href.replace(/\/+$/, '');
  } catch {
    return page.origin;
  }
}

/** `https://host/helpdesk` → origin `https://host`, path `/helpdesk/socket.io/`. */
export function socketLocation(server: string): { origin: string; path: string } {
  const url = new URL(server);
  const base = url.pathname.replace(/\/+$/, '');
  return { origin: url.origin, path: `${base}/socket.io/` };
}

function toErrorPayload(value: unknown, fallbackMessage: string): ErrorPayload {
  if (isObject(value)) {
    const code = typeof value['code'] === 'string' ? value['code'] : 'internal:client';
    const message = typeof value['message'] === 'string' && value['message'] ? value['message'] : fallbackMessage;
    return { code, message };
  }
  return { code: 'internal:client', message: fallbackMessage };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
