/**
 * A simulated employee for restart tests, doing what the widget does when its server goes away:
 * it talks through one URL (a proxy in front of the replicas), opens a new connection with its
 * session token whenever the old one drops, sends a message again with the same clientId when
 * it never got the ack, and waits for each message's reply across reconnects (a reply stored
 * while it was away is in the next `session`'s history).
 */
import { randomUUID } from 'node:crypto';
import { io } from 'socket.io-client';
import type { ChatMessage, SessionPayload, User } from '../../src/contract/index.js';
import { replyIdOf } from '../../src/chat/ports.js';
import { isOffer, type ClientSocket } from './test-server.js';

export interface EmployeeStats {
  /** Connections opened after the first one. */
  reconnects: number;
  /** Sends whose ack never came, so the message went out again with the same clientId. */
  resends: number;
}

export interface ResilientEmployee {
  readonly user: User;
  sessionToken(): string;
  /** The employee's messages the server acknowledged, in order. */
  acked(): readonly ChatMessage[];
  stats(): EmployeeStats;
  /** Sends `text` until it is acknowledged and resolves with its reply. */
  say(text: string): Promise<ChatMessage>;
  close(): void;
}

export interface EmployeeOptions {
  /** A loopback source address (127.0.0.x): the proxy hashes it to pick a replica. */
  localAddress?: string;
  /** How long one message may take, resends and reconnects included. */
  turnTimeoutMs?: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Link {
  socket: ClientSocket;
  isLive: boolean;
}

export function createResilientEmployee(url: string, user: User, options: EmployeeOptions = {}): ResilientEmployee {
  const turnTimeoutMs = options.turnTimeoutMs ?? 30_000;
  const seen = new Map<string, ChatMessage>();
  const acked: ChatMessage[] = [];
  const stats: EmployeeStats = { reconnects: 0, resends: 0 };
  let token = '';
  let link: Link | undefined;
  let opening: Promise<Link> | undefined;
  let wake: () => void = () => undefined;
  let isClosed = false;

  /** One handshake; listeners go on before it, so nothing published meanwhile is missed. */
  function handshake(): Promise<{ link: Link; session: SessionPayload }> {
    const socket: ClientSocket = io(url, {
      auth: token ? { sessionToken: token } : { user },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      ...(options.localAddress ? { localAddress: options.localAddress } : {}),
    } as Parameters<typeof io>[1]);
    const opened: Link = { socket, isLive: false };
    socket.on('message', (m) => {
      seen.set(m.id, m);
      wake();
    });
    socket.on('disconnect', () => {
      opened.isLive = false;
      wake();
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => fail(new Error('no session within 5 s')), 5000);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.close();
        reject(error);
      };
      socket.once('connect_error', fail);
      socket.once('session', (session) => {
        clearTimeout(timer);
        opened.isLive = socket.connected;
        resolve({ link: opened, session });
      });
    });
  }

  /** Connects (again) until a session arrives or `deadline` passes. */
  async function open(deadline: number): Promise<Link> {
    let lastError = '';
    while (Date.now() < deadline && !isClosed) {
      try {
        const { link: opened, session } = await handshake();
        if (token) stats.reconnects++;
        token = session.sessionToken;
        for (const m of session.messages) seen.set(m.id, m);
        return opened;
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
        await pause(200);
      }
    }
    throw new Error(`${user.email}: could not connect: ${lastError || 'closed'}`);
  }

  function connected(deadline: number): Promise<Link> {
    if (link?.isLive) return Promise.resolve(link);
    link?.socket.close();
    opening ??= open(deadline).finally(() => (opening = undefined));
    return opening.then((opened) => (link = opened));
  }

  /** Sends until an ack names the stored message (a resend with the same clientId returns it too). */
  async function deliver(text: string, deadline: number): Promise<ChatMessage> {
    const clientId = randomUUID();
    while (Date.now() < deadline) {
      const { socket } = await connected(deadline);
      // Rejected on a disconnect too (emitWithAck with a timeout): the ack is lost, send again.
      const ack = await socket
        .timeout(10_000)
        .emitWithAck('message:send', { text, clientId })
        .catch(() => undefined);
      if (!ack) {
        stats.resends++;
        continue;
      }
      if (ack.ok) return ack.message;
      if (!ack.error.code.startsWith('rate_limit:'))
        throw new Error(`${user.email}: "${text}" refused: ${ack.error.code} ${ack.error.message}`);
      await pause(ack.error.retryAfterMs ?? 1000);
    }
    throw new Error(`${user.email}: "${text}" was not acknowledged within ${turnTimeoutMs} ms`);
  }

  async function replyTo(message: ChatMessage, deadline: number): Promise<ChatMessage> {
    const id = replyIdOf(message.id);
    while (!seen.has(id)) {
      if (Date.now() >= deadline)
        throw new Error(`${user.email}: no reply to "${message.text}" (${message.id}) within ${turnTimeoutMs} ms`);
      await connected(deadline);
      const changed = new Promise<void>((resolve) => (wake = resolve));
      await Promise.race([changed, pause(500)]);
    }
    return seen.get(id) as ChatMessage;
  }

  return {
    user,
    sessionToken: () => token,
    acked: () => acked,
    stats: () => ({ ...stats }),
    async say(text) {
      const deadline = Date.now() + turnTimeoutMs;
      const message = await deliver(text, deadline);
      acked.push(message);
      return replyTo(message, deadline);
    },
    close() {
      isClosed = true;
      link?.socket.close();
    },
  };
}

/** Opener, "still not working" until the offer, then "yes": resolves with the reply to the yes. */
export async function escalate(
  employee: ResilientEmployee,
  opener: string,
  thinkMs: () => number,
): Promise<ChatMessage> {
  let reply = await employee.say(opener);
  for (let i = 0; i < 8 && !isOffer(reply); i++) {
    await pause(thinkMs());
    reply = await employee.say('still not working');
  }
  if (!isOffer(reply)) throw new Error(`${employee.user.email}: no ticket offer; last reply: ${reply.text}`);
  await pause(thinkMs());
  return employee.say('Yes, create a ticket');
}
