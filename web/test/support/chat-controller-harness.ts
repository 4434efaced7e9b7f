/** The chat controller's test harness: a scripted server behind `ChatConnection` and a recording screen. */
import type { ChatMessage, SessionPayload } from '@helpdesk/backend/contract';
import { createChatController, type ChatScreen } from '../../src/chat-controller.js';
import type { ChatConnection, ConnectionHandlers, EmitOutcome } from '../../src/connection.js';

type SendOutcome = EmitOutcome<{ message?: ChatMessage }>;
type NewOutcome = EmitOutcome<{ conversationId?: string }>;

export const at = '2026-01-01T00:00:00.000Z';
export const user = (id: string, text: string): ChatMessage => ({ id, role: 'user', text, createdAt: at });
export const assistant = (id: string, text: string, quickReplies?: string[]): ChatMessage => ({
  id,
  role: 'assistant',
  text,
  createdAt: at,
  ...(quickReplies ? { quickReplies } : {}),
});
export const session = (messages: ChatMessage[] = [], token = 'sess-1'): SessionPayload => ({
  conversationId: 'conv-1',
  sessionToken: token,
  user: { name: 'Ann', email: 'ann@example.com' },
  messages,
  tickets: [],
});

/** A server on the far side of `ChatConnection`: the test decides when acks and events arrive. */
export function createFakeServer() {
  let handlers: ConnectionHandlers | undefined;
  let isConnected = false;
  const sends: { payload: { text: string; clientId: string }; answer(outcome: SendOutcome): void }[] = [];
  const newConversations: ((outcome: NewOutcome) => void)[] = [];
  let reconnects = 0;
  const connection: ChatConnection = {
    isConnected: () => isConnected,
    sendMessage: (payload) =>
      isConnected
        ? new Promise((answer) => sends.push({ payload, answer }))
        : Promise.resolve({ status: 'disconnected' }),
    newConversation: () => new Promise((answer) => newConversations.push(answer)),
    reconnect: () => {
      reconnects++;
      handlers?.onStatus('connecting');
    },
    close: () => {
      isConnected = false;
      handlers?.onStatus('closed');
    },
  };
  const on = (): ConnectionHandlers => {
    if (!handlers) throw new Error('the controller has not connected');
    return handlers;
  };
  return {
    sends,
    newConversations,
    reconnects: () => reconnects,
    open(h: ConnectionHandlers): ChatConnection {
      handlers = h;
      h.onStatus('connecting');
      return connection;
    },
    on,
    /** The socket comes up and the server opens (or resumes) the session. */
    accept(payload: SessionPayload): void {
      isConnected = true;
      on().onStatus('connected');
      on().onSession(payload);
    },
    /** The transport drops; socket.io fails every ack still outstanding. */
    drop(): void {
      isConnected = false;
      on().onStatus('reconnecting');
      for (const send of sends.splice(0)) send.answer({ status: 'disconnected' });
    },
    ack(index: number, message?: ChatMessage): void {
      const send = sends[index];
      if (!send) throw new Error(`no send #${index}`);
      send.answer({ status: 'ok', value: message ? { message } : {} });
    },
  };
}

/** A screen that records every call, in order. */
export function createRecordingScreen() {
  const calls: [keyof ChatScreen, unknown[]][] = [];
  const screen = new Proxy({} as ChatScreen, {
    get:
      (_target, name) =>
      (...args: unknown[]) =>
        calls.push([name as keyof ChatScreen, args]),
  });
  return { screen, calls, argsOf: (name: keyof ChatScreen) => calls.filter(([n]) => n === name).map(([, a]) => a) };
}

export function setup(storedToken?: string) {
  const server = createFakeServer();
  const recorder = createRecordingScreen();
  const tokens = { value: storedToken };
  let ids = 0;
  const controller = createChatController({
    openConnection: (handlers) => server.open(handlers),
    sessionTokens: {
      load: () => tokens.value,
      save: (token) => (tokens.value = token),
      clear: () => (tokens.value = undefined),
    },
    screen: recorder.screen,
    newClientId: () => `c${++ids}`,
    now: () => new Date(at),
  });
  return { controller, server, tokens, ...recorder };
}

/** Lets awaited acks run their continuations. */
export const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
