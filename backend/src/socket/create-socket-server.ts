/**
 * The socket.io side of the public contract (DESIGN.md). Every client→server event is validated
 * with zod and answered with an ack `{ ok: true, … } | { ok: false, error }`; unknown events get a
 * coded error instead of silence.
 */
import type { Server as HttpServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import { CLIENT_EVENTS, type ClientToServerEvents, type Ack, type ServerToClientEvents } from '../contract/index.js';
import { handshakeAuthSchema, newConversationSchema, sendMessageSchema } from './payload-schemas.js';
import type { RedisConnection } from './redis-connection.js';
import { createSocketLimits, DEFAULT_SOCKET_LIMITS } from './socket-limits.js';
import type { ChatService, ChatSession } from '../chat/chat-service.js';
import { createTurnQueue } from '../chat/turn-queue.js';
import type { Publish } from '../chat/ports.js';
import { AppError, toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import type { CreateLimiter } from '../shared/rate-limit.js';

type ChatServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { session: ChatSession }>;
type ChatSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { session: ChatSession }>;

const KNOWN_EVENTS: ReadonlySet<string> = new Set(CLIENT_EVENTS);

type AckFn = (response: unknown) => void;

/** The ack is the last argument when it is a function, whatever came before it. */
const ackOf = (args: readonly unknown[]): AckFn | undefined => {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as AckFn) : undefined;
};

/** The payload is the first argument unless that is the ack itself. */
const payloadOf = (args: readonly unknown[]): unknown => (typeof args[0] === 'function' ? undefined : args[0]);
const room = (conversationId: string) => `conversation:${conversationId}`;

export interface SocketServer {
  publish: Publish;
  attach(chat: ChatService): void;
  /**
   * The first step of a shutdown: new connections are refused before their handshake, and open
   * ones are closed at the transport, so widgets reconnect by themselves (behind a proxy, to
   * another replica). The HTTP server keeps serving and `publish` keeps reaching other replicas.
   */
  stopAccepting(): void;
  close(): Promise<void>;
}

export interface SocketServerDeps {
  logger: Logger;
  metrics: Metrics;
  /** Where the message and handshake limits count: in memory unless the composition root says Redis. */
  createLimiter?: CreateLimiter;
  /** With REDIS_URL: rooms span the replicas, so `publish` on one reaches sockets on all. */
  redis?: RedisConnection;
}

/** Built before the chat service (which needs `publish`), attached to it afterwards. */
export function createSocketServer(httpServer: HttpServer, deps: SocketServerDeps): SocketServer {
  const { logger } = deps;
  const limits = createSocketLimits(DEFAULT_SOCKET_LIMITS, deps.createLimiter);
  let isAccepting = true;
  const io: ChatServer = new Server(httpServer, {
    // Frames over this limit close the connection without a word; long messages are refused
    // with a coded ack far below it (4,000 characters).
    maxHttpBufferSize: 1_000_000,
    // Refused here, a handshake fails like a lost connection and the client tries again; refused
    // by the `io.use` middleware it would be a rejection the widget waits for the user to retry.
    allowRequest: (_req, callback) => callback(isAccepting ? null : 'shutting down', isAccepting),
    ...(deps.redis ? { adapter: deps.redis.adapter } : {}),
  });

  const publish: Publish = (conversationId, event, ...args) => {
    io.to(room(conversationId)).emit(event, ...args);
  };

  /** Runs a handler and answers its ack (when the client sent one) with the result or a coded error. */
  function answer<T extends object>(socket: ChatSocket, ack: unknown, handle: () => T | Promise<T>): void {
    const respond = (response: Ack<T>) => {
      if (typeof ack === 'function') (ack as (res: Ack<T>) => void)(response);
    };
    const fail = (error: unknown) => {
      const appError = toAppError(error);
      if (appError.kind === 'internal') logger.error('socket handler failed', { socketId: socket.id, error });
      respond({ ok: false, error: appError.toPayload() });
    };
    try {
      Promise.resolve(handle()).then((value) => respond({ ok: true, ...value }), fail);
    } catch (error) {
      fail(error);
    }
  }

  function attach(chat: ChatService): void {
    io.use((socket, next) => {
      const open = async () => {
        await limits.handshake(socket.handshake.address);
        const auth = handshakeAuthSchema.safeParse(socket.handshake.auth ?? {});
        if (!auth.success) throw new AppError('bad_request:auth', 'The sign-in data was not valid.');
        socket.data.session = await chat.openSession(auth.data);
      };
      open().then(
        () => next(),
        (error: unknown) => {
          const payload = toAppError(error, 'unauthorized:identity').toPayload();
          next(Object.assign(new Error(payload.message), { data: payload }));
        },
      );
    });

    const connections = deps.metrics.gauge('helpdesk_socket_connections', 'Open widget connections.');
    io.on('connection', (socket: ChatSocket) => {
      connections.inc();
      socket.on('disconnect', () => connections.inc({}, -1));
      // A handshake that was under way when the shutdown began.
      if (!isAccepting) {
        socket.conn.close();
        return;
      }
      // A socket's events are handled one after the other, in the order they came: a message
      // sent right after `conversation:new` goes to the new conversation.
      const inOrder = createTurnQueue();
      const serially = <T>(task: () => Promise<T>) => inOrder.run(socket.id, task);
      const { session } = socket.data;
      // Joined before the history is read: what is published meanwhile reaches this socket.
      void socket.join(room(session.conversationId));
      void serially(async () => socket.emit('session', await chat.snapshot(session))).catch((error: unknown) => {
        logger.error('could not send the session', { socketId: socket.id, error });
        socket.disconnect(true);
      });

      socket.on('message:send', (...args: unknown[]) =>
        answer(socket, ackOf(args), async () => {
          const parsed = sendMessageSchema.safeParse(payloadOf(args));
          if (!parsed.success) {
            const issue = parsed.error.issues[0];
            throw new AppError('bad_request:message', issue?.message ?? 'The message was not valid.');
          }
          // Only a valid message costs a point; refusing an invalid one is as cheap as limiting it.
          await limits.message(socket.data.session, socket.handshake.address);
          return serially(async () => ({ message: await chat.send(socket.data.session, parsed.data) }));
        }),
      );

      socket.on('conversation:new', (...args: unknown[]) =>
        answer(socket, ackOf(args), () => {
          const payload = payloadOf(args);
          if (!newConversationSchema.safeParse(payload ?? {}).success) {
            throw new AppError('bad_request:conversation', 'conversation:new takes an empty object.');
          }
          return serially(async () => {
            const before = socket.data.session;
            const next = await chat.newConversation(before);
            void socket.leave(room(before.conversationId));
            void socket.join(room(next.conversationId));
            socket.data.session = next;
            socket.emit('session', await chat.snapshot(next));
            return { conversationId: next.conversationId };
          });
        }),
      );

      // Event names arrive as the client sent them: a number or an object is as unknown as a typo.
      socket.onAny((event: unknown, ...args: unknown[]) => {
        if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
        const name = typeof event === 'string' ? event.slice(0, 60) : typeof event;
        const error = { code: 'bad_request:event', message: `Unknown event "${name}".` };
        const ack = ackOf(args);
        if (ack) ack({ ok: false, error });
        else socket.emit('error', error);
      });
    });
  }

  return {
    publish,
    attach,
    stopAccepting() {
      isAccepting = false;
      // Not `disconnect()`: a widget told to disconnect stays away until the user retries.
      for (const socket of io.of('/').sockets.values()) socket.conn.close();
    },
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}
