/**
 * How much one client may send. A whole office can sit behind one NAT address, so the per-address
 * budgets are wide; it is the per-conversation and per-employee budgets that stop one flooder
 * while everyone else keeps chatting.
 */
import type { ChatSession } from '../chat/chat-service.js';
import { createLimiter as createMemoryLimiter, type CreateLimiter, type RateLimit } from '../shared/rate-limit.js';

export interface SocketLimits {
  /** `message:send` per conversation. */
  perConversation: RateLimit;
  /** `message:send` per employee, across their tabs and conversations. */
  perUser: RateLimit;
  /** `message:send` per client address. */
  perAddress: RateLimit;
  /** Connections (handshakes) per client address. */
  handshakesPerAddress: RateLimit;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = {
  perConversation: { points: 12, windowSeconds: 30 },
  perUser: { points: 20, windowSeconds: 30 },
  perAddress: { points: 1500, windowSeconds: 30 },
  handshakesPerAddress: { points: 600, windowSeconds: 60 },
};

const SLOW_DOWN = 'You are sending messages faster than I can answer. Please wait a few seconds, then send it again.';

/** `createLimiter` decides where the counters live: this process (the default) or Redis, shared by the replicas. */
export function createSocketLimits(limits: SocketLimits, createLimiter: CreateLimiter = createMemoryLimiter) {
  const conversation = createLimiter('conversation', limits.perConversation, SLOW_DOWN);
  const user = createLimiter('user', limits.perUser, SLOW_DOWN);
  const address = createLimiter('address', limits.perAddress, SLOW_DOWN);
  const handshakes = createLimiter(
    'handshake',
    limits.handshakesPerAddress,
    'Too many connections; please wait a moment.',
  );
  return {
    async message(session: ChatSession, clientAddress: string): Promise<void> {
      await conversation.consume(session.conversationId);
      await user.consume(session.user.email.toLowerCase());
      await address.consume(clientAddress);
    },
    handshake: (clientAddress: string) => handshakes.consume(clientAddress),
  };
}
