/**
 * The widget's conversation without the DOM: the session, the messages, the outbox and the
 * reconnect state machine. It talks to the server through `ChatConnection` and reports to the
 * screen through `ChatScreen`, so it runs in node under test with fakes of both.
 *
 * Promises: a message is sent once, in order, one at a time, and only while a session is live;
 * messages typed offline wait in the outbox and go out after the next `session`; a message that
 * was in flight when the connection dropped is sent again only if the resumed history lacks it.
 */
import {
  MAX_MESSAGE_LENGTH,
  type ChatMessage,
  type ErrorPayload,
  type SessionPayload,
} from '@helpdesk/backend/contract';
import type { ChatConnection, ConnectionHandlers, ConnectionStatus } from './connection.js';
import { createEntry, reconcileOutbox, type OutboxEntry } from './outbox.js';
import type { ChatScreen, PendingMessage } from './chat-screen.js';

export type { ChatScreen, ConversationSnapshot, PendingMessage } from './chat-screen.js';

/**
 * - `idle`: no connection (not started, stopped, or the identity form is up).
 * - `connecting`: the handshake is under way, or the socket is up and the session not yet here.
 * - `connecting-fresh`: as `connecting`, after the stored session token was refused and dropped;
 *   a second refusal is final, so a server that keeps refusing is not hammered.
 * - `ready`: a session is live and nothing is in flight.
 * - `sending`: a session is live and one outbox message waits for its ack.
 * - `reconnecting`: the transport dropped; socket.io retries on its own.
 * - `disconnected`: the server ended the connection; only `retry()` brings it back.
 * - `rejected`: the server refused the handshake; `retry()` or a new identity.
 */
export type ChatState =
  'idle' | 'connecting' | 'connecting-fresh' | 'ready' | 'sending' | 'reconnecting' | 'disconnected' | 'rejected';

/** Where the session token that resumes the conversation is kept (per identity, by the caller). */
export interface SessionTokenStore {
  load(): string | undefined;
  save(sessionToken: string): void;
  clear(): void;
}

export interface ChatControllerDeps {
  openConnection(handlers: ConnectionHandlers): ChatConnection;
  sessionTokens: SessionTokenStore;
  screen: ChatScreen;
  newClientId(): string;
  now?(): Date;
}

export type SendResult = { status: 'accepted' } | { status: 'empty' } | { status: 'too-long'; message: string };

export type NewConversationResult = 'started' | 'offline' | 'failed';

export interface ChatController {
  readonly state: ChatState;
  connect(): void;
  disconnect(): void;
  /** After a server-side disconnect or a refused handshake: try once more. */
  retry(): void;
  send(text: string): SendResult;
  startNewConversation(): Promise<NewConversationResult>;
}

const STATE_FOR_STATUS: Partial<Record<ConnectionStatus, ChatState>> = {
  reconnecting: 'reconnecting',
  disconnected: 'disconnected',
  closed: 'idle',
};

export function createChatController(deps: ChatControllerDeps): ChatController {
  const { screen, sessionTokens } = deps;
  const now = deps.now ?? (() => new Date());
  let state: ChatState = 'idle';
  let connection: ChatConnection | undefined;
  /** The latest `session`; `startNewConversation` compares it to see whether a new one came. */
  let session: SessionPayload | undefined;
  let messages = new Map<string, ChatMessage>();
  let outbox: OutboxEntry[] = [];
  /** The server asked us to slow down: nothing is sent until its retry-after has passed. */
  let isHeld = false;

  const hasSession = (): boolean => state === 'ready' || state === 'sending';
  const pendingOf = (entry: OutboxEntry): PendingMessage => ({
    clientId: entry.clientId,
    text: entry.text,
    state: entry.state === 'sending' ? 'sending' : 'queued',
  });
  // A session can replace the outbox's entries while a send is in flight; the clientId still finds them.
  const findEntry = (clientId: string): OutboxEntry | undefined => outbox.find((e) => e.clientId === clientId);

  /** Buttons belong to the latest assistant message only, and vanish once anything follows it. */
  const quickReplies = (): string[] => {
    const last = [...messages.values()].at(-1);
    return last?.role === 'assistant' && outbox.length === 0 ? (last.quickReplies ?? []) : [];
  };
  const updateQuickReplies = (): void => screen.setQuickReplies(quickReplies());

  function onStatus(status: ConnectionStatus): void {
    const next = STATE_FOR_STATUS[status];
    if (next) state = next;
    // `connected` is not `ready`: messages flow only once the session arrives.
    else if (state !== 'connecting-fresh') state = 'connecting';
    screen.showStatus(status);
  }

  function onRejected(error: ErrorPayload): void {
    if (state !== 'connecting-fresh' && sessionTokens.load()) {
      // A stale session token (server data reset, another user) must not lock the employee out.
      sessionTokens.clear();
      state = 'connecting-fresh';
      connection?.reconnect();
      return;
    }
    state = 'rejected';
    screen.showRefusal(error);
  }

  function onSession(payload: SessionPayload): void {
    session = payload;
    sessionTokens.save(payload.sessionToken);
    messages = new Map(payload.messages.map((m) => [m.id, m]));
    outbox = reconcileOutbox(outbox, payload.messages);
    screen.showConversation({
      messages: payload.messages,
      tickets: payload.tickets,
      pending: outbox.map(pendingOf),
      quickReplies: quickReplies(),
    });
    // A session that arrives while a send is in flight (a new conversation) leaves that send's loop running.
    if (state !== 'sending') state = 'ready';
    void flush();
  }

  function onMessage(message: ChatMessage): void {
    messages.set(message.id, message);
    screen.showMessage(message);
    updateQuickReplies();
  }

  const handlers: ConnectionHandlers = {
    onStatus,
    onRejected,
    onSession,
    onDelta: ({ id, delta }) => {
      screen.setQuickReplies([]);
      screen.appendDelta(id, delta);
    },
    onMessage,
    onTyping: (active, queued) => screen.setTyping(active, queued),
    onTicketCreated: (ticket) => screen.upsertTicket(ticket),
    // The words of an update arrive as a stored assistant `message`, so a reload shows the same.
    onTicketUpdated: ({ key, url, status }) => screen.upsertTicket({ key, url, ...(status ? { status } : {}) }),
    onError: (error) => screen.addNotice(error.message, 'error'),
  };

  /**
   * Sending too fast is not a failure: the message stays queued, the employee reads why once, and
   * the outbox tries again when the server says it may.
   */
  function holdForLater(entry: OutboxEntry, error: ErrorPayload): void {
    entry.state = 'queued';
    screen.setPendingState(entry.clientId, 'queued');
    if (!isHeld) screen.addNotice(error.message, 'info');
    isHeld = true;
    setTimeout(() => {
      isHeld = false;
      void flush();
    }, error.retryAfterMs ?? 3000);
  }

  /** Sends queued messages one at a time, in order, while a session is live. */
  async function flush(): Promise<void> {
    for (;;) {
      if (isHeld) return;
      const entry = outbox.find((e) => e.state === 'queued');
      const link = connection;
      // In `sending` another call's loop is running and picks new entries up.
      if (!entry || !link?.isConnected() || state !== 'ready') return;
      state = 'sending';
      entry.state = 'sending';
      screen.setPendingState(entry.clientId, 'sending');
      const outcome = await link.sendMessage({ text: entry.text, clientId: entry.clientId });
      if (state === 'sending') state = 'ready';
      if (outcome.status === 'disconnected') {
        const current = findEntry(entry.clientId);
        if (current) current.state = 'unknown';
        screen.setPendingState(entry.clientId, 'queued');
        return;
      }
      if (outcome.status === 'rejected' && outcome.error.code.startsWith('rate_limit:')) {
        holdForLater(entry, outcome.error);
        return;
      }
      outbox = outbox.filter((e) => e.clientId !== entry.clientId);
      if (outcome.status === 'ok') {
        const message = outcome.value.message ?? {
          id: entry.clientId,
          role: 'user' as const,
          text: entry.text,
          createdAt: now().toISOString(),
        };
        messages.set(message.id, message);
        screen.confirmPending(entry.clientId, message);
      } else {
        const reason =
          outcome.status === 'rejected'
            ? outcome.error.message
            : 'The server did not confirm your message. Please try sending it again.';
        screen.refusePending(entry.clientId, entry.text, reason);
      }
      updateQuickReplies();
    }
  }

  function send(raw: string): SendResult {
    const text = raw.trim();
    if (text === '') return { status: 'empty' };
    if (text.length > MAX_MESSAGE_LENGTH) {
      return {
        status: 'too-long',
        message: `Messages can be at most ${MAX_MESSAGE_LENGTH} characters; this one has ${text.length}. Please shorten it.`,
      };
    }
    const entry = createEntry(deps.newClientId(), text, messages.values());
    outbox.push(entry);
    screen.addPending({ clientId: entry.clientId, text, state: hasSession() ? 'sending' : 'queued' });
    updateQuickReplies();
    void flush();
    return { status: 'accepted' };
  }

  async function startNewConversation(): Promise<NewConversationResult> {
    const link = connection;
    if (!link?.isConnected() || !hasSession()) {
      screen.addNotice('You are offline; a new conversation can start once the connection is back.', 'error');
      return 'offline';
    }
    const sessionBefore = session;
    screen.setNewConversationBusy(true);
    const outcome = await link.newConversation();
    screen.setNewConversationBusy(false);
    if (outcome.status !== 'ok') {
      const message = outcome.status === 'rejected' ? outcome.error.message : 'Could not start a new conversation.';
      screen.addNotice(message, 'error');
      return 'failed';
    }
    // If the server already sent the new session, the screen shows it; do not wipe it.
    if (session === sessionBefore) {
      messages.clear();
      screen.showConversation({ messages: [], tickets: [], pending: outbox.map(pendingOf), quickReplies: [] });
      screen.addNotice('New conversation started.');
    }
    return 'started';
  }

  return {
    get state() {
      return state;
    },
    connect() {
      connection?.close();
      state = 'connecting';
      connection = deps.openConnection(handlers);
    },
    disconnect() {
      connection?.close();
      connection = undefined;
      state = 'idle';
    },
    retry: () => connection?.reconnect(),
    send,
    startNewConversation,
  };
}
