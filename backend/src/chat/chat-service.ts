/**
 * The chat use case: sessions, history, and one agent turn at a time per conversation. Transport
 * agnostic: events leave through `publish`, which the socket layer maps to a conversation's room.
 */
import { randomUUID } from 'node:crypto';
import type { ChatMessage, HandshakeAuth, SendMessage, SessionPayload, TicketRef, User } from '../contract/index.js';
import { userSchema } from './user-schema.js';
import { AppError, toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';
import { chatCopyFor, languageOfText } from './chat-copy.js';
import {
  replyIdOf,
  type AgentReply,
  type ConversationLocks,
  type ConversationStore,
  type PendingTurn,
  type Publish,
  type SupportAgent,
  type TurnJournal,
} from './ports.js';
import { createTurnQueue } from './turn-queue.js';
import type { VerifyWidgetToken } from './widget-token.js';
import { createTurnLimiter } from './turn-limiter.js';

export interface ChatSession {
  conversationId: string;
  sessionToken: string;
  user: User;
  browserId: string;
}

export interface ChatService {
  /** Resolves the handshake to a session: resumes a known session token or starts a conversation. */
  openSession(auth: HandshakeAuth): Promise<ChatSession>;
  snapshot(session: ChatSession): Promise<SessionPayload>;
  /**
   * Stores and publishes the employee's message with its pending turn and queues the agent's
   * reply; resolves once both are stored, so an ack is never sent for a message a crash could
   * lose (a resend with a known `clientId` returns the first copy and queues nothing).
   */
  send(session: ChatSession, input: SendMessage): Promise<ChatMessage>;
  newConversation(session: ChatSession): Promise<ChatSession>;
  /**
   * A queued escalation became a ticket: stores the assistant message with it and publishes
   * `ticket:created` + `message` (an employee who is away sees both in the next session).
   */
  deliverTicket(conversationId: string, ticket: TicketRef, escalationId?: string): Promise<void>;
  /** Queues the turns a crash or kill left pending (start-up); resolves with how many once all are queued. */
  resumePendingTurns(): Promise<number>;
  /**
   * With replicas, called every so often: runs the turns that were pending at the previous call
   * too and are not this process's, i.e. a replica that died left them. Resolves with how many.
   */
  adoptStrandedTurns(): Promise<number>;
  /** Waits for queued turns (shutdown, tests). */
  drain(): Promise<void>;
}

export interface ChatServiceDeps {
  conversations: ConversationStore;
  turns: TurnJournal;
  /**
   * A conversation's lock across replicas (Postgres), taken inside the in-process queue around
   * every turn and ticket delivery; without it (SQLite) the queue alone serialises, as before.
   */
  locks?: ConversationLocks;
  agent: SupportAgent;
  publish: Publish;
  /** Open mode trusts the name and email the widget sends; token mode verifies a signed one. */
  auth: { mode: 'open' } | { mode: 'token'; verify: VerifyWidgetToken };
  logger: Logger;
  metrics: Metrics;
  /** Agent turns running at once across conversations (MAX_CONCURRENT_TURNS); the rest wait in order. */
  maxConcurrentTurns?: number;
}

/** Turns waiting per conversation; past this a message is refused (coded) before it is stored. */
const MAX_QUEUED_TURNS = 5;
/** Agent turns running at once unless MAX_CONCURRENT_TURNS says otherwise. */
export const DEFAULT_MAX_CONCURRENT_TURNS = 32;
/** Messages per conversation (both sides); past this the employee is asked to start a new one. */
const MAX_MESSAGES_PER_CONVERSATION = 1000;

export function createChatService(deps: ChatServiceDeps): ChatService {
  const { conversations, agent, logger } = deps;
  const queue = createTurnQueue();
  const limiter = createTurnLimiter(deps.maxConcurrentTurns ?? DEFAULT_MAX_CONCURRENT_TURNS);
  /** Turns this process has queued and not finished; the others in the journal are another replica's. */
  const ownTurns = new Set<string>();
  /** Other replicas' pending turns at the last `adoptStrandedTurns`. */
  let pendingBefore = new Set<string>();
  deps.metrics.gauge('helpdesk_turns_waiting', 'Agent turns waiting for a free slot (MAX_CONCURRENT_TURNS).', {
    collect: () => limiter.waiting,
  });
  // Accepting a message (the resend and limit checks, then the store) is one step per
  // conversation, so two sends cannot both pass a check before either is stored, and turns are
  // queued in the order their messages were stored.
  const intake = createTurnQueue();
  const messagesTotal = deps.metrics.counter('helpdesk_messages_total', 'Chat messages stored, by role.', {
    labels: ['role'],
  });
  const turnSeconds = deps.metrics.histogram('helpdesk_turn_seconds', 'Agent turn time, from start to stored reply.', {
    labels: ['outcome'],
  });
  const ticketsTotal = deps.metrics.counter('helpdesk_tickets_created_total', 'Tickets created from the chat.');
  const failuresTotal = deps.metrics.counter('helpdesk_agent_failures_total', 'Agent turns that failed.');

  async function identify(auth: HandshakeAuth): Promise<User> {
    if (deps.auth.mode === 'token') {
      if (!auth.token) throw new AppError('unauthorized:token', 'Please sign in to use IT Help.');
      return deps.auth.verify(auth.token);
    }
    const parsed = userSchema.safeParse(auth.user ?? {});
    if (!parsed.success) {
      throw new AppError('unauthorized:identity', 'Please tell us your name and work email to start.');
    }
    return parsed.data;
  }

  function ownerOf(session: ChatSession): string {
    const email = session.user.email.trim().toLowerCase();
    return deps.auth.mode === 'token' ? email : `${email}#${session.browserId}`;
  }

  /** Stores an assistant reply (and its ticket, announced first) and publishes both. */
  async function publishReply(conversationId: string, reply: AgentReply & { id?: string }): Promise<void> {
    const { id, text, quickReplies, ticket, language } = reply;
    if (language) await conversations.setLanguage(conversationId, language);
    if (ticket) {
      await conversations.addTicket(conversationId, ticket);
      ticketsTotal.inc();
      deps.publish(conversationId, 'ticket:created', ticket);
    }
    const message = await conversations.addMessage({
      ...(id ? { id } : {}),
      conversationId,
      role: 'assistant',
      text,
      ...(quickReplies ? { quickReplies } : {}),
      ...(ticket ? { ticket } : {}),
    });
    messagesTotal.inc({ role: 'assistant' });
    deps.publish(conversationId, 'message', message);
  }

  /** Through the conversation's queue, and with replicas under its lock too. */
  function serialised<T>(conversationId: string, task: () => Promise<T>): Promise<T> {
    const { locks } = deps;
    return queue.run(conversationId, locks ? () => locks.withLock(conversationId, task) : task);
  }

  /**
   * One turn, serialised per conversation; its journal row goes once the reply is stored. With
   * replicas another one may have run it while this one waited for the lock (a replica that
   * started resumes every pending turn): it runs only if it is still pending.
   */
  function runTurn(turn: PendingTurn): Promise<void> {
    ownTurns.add(turn.messageId);
    return runSerialised(turn).finally(() => ownTurns.delete(turn.messageId));
  }

  function runSerialised(turn: PendingTurn): Promise<void> {
    const { conversationId, text } = turn;
    return serialised(conversationId, async () => {
      if (deps.locks && !(await deps.turns.isPending(turn.messageId))) return;
      const replyId = replyIdOf(turn.messageId);
      const started = performance.now();
      let outcome = 'replied';
      deps.publish(conversationId, 'typing', { active: true });
      // Over the limit, the turn waits its place; the employee sees that it is queued, not lost.
      let isQueued = false;
      const leave = await limiter.enter(() => {
        isQueued = true;
        deps.publish(conversationId, 'typing', { active: true, queued: true });
      });
      if (isQueued) deps.publish(conversationId, 'typing', { active: true });
      try {
        const reply = await agent.reply(turn, {
          onToken: (delta) => deps.publish(conversationId, 'message:delta', { id: replyId, delta }),
        });
        await publishReply(conversationId, { ...reply, id: replyId });
      } catch (error) {
        outcome = 'failed';
        failuresTotal.inc();
        const appError = toAppError(error, 'internal:agent');
        logger.error('agent turn failed', { conversationId, code: appError.code, error });
        const language = (await conversations.getLanguage(conversationId)) ?? languageOfText(text);
        const message = await conversations.addMessage({
          id: replyId,
          conversationId,
          role: 'assistant',
          text: chatCopyFor(language).fallback,
        });
        deps.publish(conversationId, 'message', message);
      } finally {
        turnSeconds.observe((performance.now() - started) / 1000, { outcome });
        leave();
        await deps.turns.finish(turn.messageId);
        deps.publish(conversationId, 'typing', { active: false });
      }
    });
  }

  /** Checks, stores the message with its pending turn, publishes it and queues the turn. */
  async function accept(session: ChatSession, input: SendMessage): Promise<ChatMessage> {
    const { conversationId } = session;
    if (input.clientId) {
      // A resend after a reconnect: the first copy was stored and answered already.
      const existing = await conversations.findByClientId(conversationId, input.clientId);
      if (existing) return existing;
    }
    if ((await conversations.countMessages(conversationId)) >= MAX_MESSAGES_PER_CONVERSATION) {
      throw new AppError(
        'bad_request:conversation_full',
        'This conversation has reached its length limit. Please start a new conversation.',
      );
    }
    if (queue.pending(conversationId) >= MAX_QUEUED_TURNS) {
      throw new AppError('rate_limit:turns', 'I am still answering your earlier messages. Please wait a moment.', {
        retryAfterMs: 3000,
      });
    }
    const turn = { user: session.user, owner: ownerOf(session) };
    let message: ChatMessage;
    try {
      message = await deps.turns.accept(
        { conversationId, role: 'user', text: input.text, ...(input.clientId ? { clientId: input.clientId } : {}) },
        turn,
      );
    } catch (error) {
      // The same resend reached another replica, which stored it between the check above and this
      // insert (the clientId is unique per conversation): its copy is the message, and its turn.
      const { clientId } = input;
      const stored = clientId && (await conversations.findByClientId(conversationId, clientId).catch(() => undefined));
      if (stored) return stored;
      throw error;
    }
    messagesTotal.inc({ role: 'user' });
    deps.publish(conversationId, 'message', message);
    void runTurn({ ...turn, conversationId, messageId: message.id, text: input.text });
    return message;
  }

  return {
    async openSession(auth) {
      if (auth.sessionToken) {
        const found = await conversations.findSession(auth.sessionToken);
        if (found) {
          // In token mode the signed identity must still match the session it resumes.
          if (deps.auth.mode === 'token' && (await identify(auth)).email !== found.user.email) {
            throw new AppError('unauthorized:session', 'Please reload the page to start a new session.');
          }
          return { sessionToken: auth.sessionToken, ...found };
        }
      }
      const user = await identify(auth);
      const conversationId = await conversations.createConversation(user);
      const browserId = randomUUID();
      const sessionToken = await conversations.createSession(user, conversationId, browserId);
      return { conversationId, sessionToken, user, browserId };
    },

    async snapshot(session) {
      return {
        conversationId: session.conversationId,
        sessionToken: session.sessionToken,
        user: session.user,
        messages: await conversations.listMessages(session.conversationId),
        tickets: await conversations.listTickets(session.conversationId),
      };
    },

    send: (session, input) => intake.run(session.conversationId, () => accept(session, input)),

    async newConversation(session) {
      // A new session for the new conversation: the old token still resumes the old one, so a
      // `conversation:new` sent with a copied token can never hide the employee's history.
      const conversationId = await conversations.createConversation(session.user);
      const sessionToken = await conversations.createSession(session.user, conversationId, session.browserId);
      return { ...session, conversationId, sessionToken };
    },

    deliverTicket(conversationId, ticket, escalationId) {
      // Serialised with the turns, so it never interleaves with an agent turn on the same thread.
      return serialised(conversationId, async () => {
        // A turn may have shown it already (the employee asked again while it was being made).
        if ((await conversations.listTickets(conversationId)).some((t) => t.key === ticket.key)) return;
        const { text } = await agent.ticketCreated(conversationId, ticket, escalationId);
        await publishReply(conversationId, { text, ticket });
      });
    },

    async resumePendingTurns() {
      const pending = await deps.turns.pending();
      if (pending.length > 0) logger.info('resuming turns left pending', { turns: pending.length });
      for (const turn of pending) void runTurn(turn);
      return pending.length;
    },

    async adoptStrandedTurns() {
      const others = (await deps.turns.pending()).filter((turn) => !ownTurns.has(turn.messageId));
      const stranded = others.filter((turn) => pendingBefore.has(turn.messageId));
      pendingBefore = new Set(others.map((turn) => turn.messageId));
      if (stranded.length > 0) logger.warn('running turns another replica left pending', { turns: stranded.length });
      for (const turn of stranded) void runTurn(turn);
      return stranded.length;
    },

    drain: async () => {
      await intake.drain();
      await queue.drain();
    },
  };
}
