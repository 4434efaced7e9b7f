import { MAX_MESSAGE_LENGTH } from '@helpdesk/backend/contract';
import { describe, expect, it } from 'vitest';
import { createChatController } from '../src/chat-controller.js';
import {
  assistant,
  at,
  createFakeServer,
  createRecordingScreen,
  session,
  settle,
  setup,
  user,
} from './support/chat-controller-harness.js';

describe('chat controller: sessions and reconnects', () => {
  it('shows the resumed history with its tickets and keeps the new session token', () => {
    const { controller, server, tokens, argsOf } = setup('old');
    controller.connect();
    expect(controller.state).toBe('connecting');
    const history = [user('1', 'Teams is broken'), assistant('2', 'Try this', ['Yes', 'No'])];
    const ticket = { key: 'IT-1', url: 'https://desk.example/browse/IT-1', summary: 'Teams', status: 'Open' };
    server.accept({ ...session(history, 'new'), tickets: [ticket] });

    expect(controller.state).toBe('ready');
    expect(tokens.value).toBe('new');
    expect(argsOf('showConversation')).toEqual([
      [{ messages: history, tickets: [ticket], pending: [], quickReplies: ['Yes', 'No'] }],
    ]);
  });

  it('shows that a message is queued while the service is busy, then the typing indicator', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    server.on().onTyping(true, true);
    server.on().onTyping(true, false);
    server.on().onTyping(false, false);
    expect(argsOf('setTyping')).toEqual([
      [true, true],
      [true, false],
      [false, false],
    ]);
  });

  it('follows the connection: reconnecting on a drop, and waits for retry() after a server-side disconnect', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    server.drop();
    expect(controller.state).toBe('reconnecting');
    server.on().onStatus('disconnected');
    expect(controller.state).toBe('disconnected');
    expect(server.reconnects()).toBe(0);
    controller.retry();
    expect(server.reconnects()).toBe(1);
    expect(argsOf('showStatus').map(([s]) => s)).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'disconnected',
      'connecting',
    ]);
  });

  it('drops a refused session token and retries once without it, then reports the refusal', () => {
    const { controller, server, tokens, argsOf } = setup('stale');
    controller.connect();
    server.on().onRejected({ code: 'unauthorized:session', message: 'Please reload the page.' });
    expect(tokens.value).toBeUndefined();
    expect(server.reconnects()).toBe(1);
    expect(controller.state).toBe('connecting-fresh');
    expect(argsOf('showRefusal')).toEqual([]);

    server.on().onRejected({ code: 'unauthorized:token', message: 'Who are you?' });
    expect(server.reconnects()).toBe(1);
    expect(controller.state).toBe('rejected');
    expect(argsOf('showRefusal')).toEqual([[{ code: 'unauthorized:token', message: 'Who are you?' }]]);
  });

  it('retries only once even when the stored token cannot be cleared (storage that fails to write)', () => {
    const server = createFakeServer();
    const { screen, argsOf } = createRecordingScreen();
    const controller = createChatController({
      openConnection: (handlers) => server.open(handlers),
      sessionTokens: { load: () => 'stuck', save: () => undefined, clear: () => undefined },
      screen,
      newClientId: () => 'c1',
    });
    controller.connect();
    server.on().onRejected({ code: 'unauthorized:session', message: 'Please reload the page.' });
    server.on().onRejected({ code: 'unauthorized:session', message: 'Please reload the page.' });
    expect(server.reconnects()).toBe(1);
    expect(argsOf('showRefusal')).toHaveLength(1);
  });

  it('reports a refused handshake at once when no session token is stored', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.on().onRejected({ code: 'bad_request:auth', message: 'Name missing' });
    expect(server.reconnects()).toBe(0);
    expect(argsOf('showRefusal')).toEqual([[{ code: 'bad_request:auth', message: 'Name missing' }]]);
  });

  it('stops cleanly: idle, and nothing is sent until the next connect', () => {
    const { controller, server } = setup();
    controller.connect();
    server.accept(session());
    controller.disconnect();
    expect(controller.state).toBe('idle');
    expect(controller.send('hello')).toEqual({ status: 'accepted' });
    expect(server.sends).toEqual([]);
  });
});

describe('chat controller: errors and input', () => {
  it("gives a refused message back with the server's reason, and a timed-out one with ours", async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    controller.send('rude words');
    server.sends[0]?.answer({ status: 'rejected', error: { code: 'bad_request:message', message: 'Not allowed.' } });
    await settle();
    controller.send('slow one');
    server.sends[1]?.answer({ status: 'timeout' });
    await settle();
    expect(argsOf('refusePending')).toEqual([
      ['c1', 'rude words', 'Not allowed.'],
      ['c2', 'slow one', 'The server did not confirm your message. Please try sending it again.'],
    ]);
    expect(controller.state).toBe('ready');
  });

  it('shows server errors as notices', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.on().onError({ code: 'unavailable:agent', message: 'The assistant is unavailable.' });
    expect(argsOf('addNotice')).toEqual([['The assistant is unavailable.', 'error']]);
  });

  it('refuses empty and over-long messages without queueing them', () => {
    const { controller, argsOf } = setup();
    expect(controller.send('   ')).toEqual({ status: 'empty' });
    const result = controller.send('a'.repeat(MAX_MESSAGE_LENGTH + 1));
    expect(result).toEqual({
      status: 'too-long',
      message: `Messages can be at most ${MAX_MESSAGE_LENGTH} characters; this one has ${MAX_MESSAGE_LENGTH + 1}. Please shorten it.`,
    });
    expect(argsOf('addPending')).toEqual([]);
  });

  it('offers quick replies for the latest assistant message only, and hides them while anything follows', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    server.on().onMessage(assistant('a1', 'Did that help?', ['Yes', 'No']));
    expect(argsOf('setQuickReplies').at(-1)).toEqual([['Yes', 'No']]);
    controller.send('Yes');
    expect(argsOf('setQuickReplies').at(-1)).toEqual([[]]);
    server.on().onMessage(assistant('a2', 'Opening a ticket', ['Cancel']));
    expect(argsOf('setQuickReplies').at(-1)).toEqual([[]]);
    server.on().onDelta({ id: 'a3', delta: 'Wo' });
    expect(argsOf('appendDelta')).toEqual([['a3', 'Wo']]);
  });

  it('updates a ticket card with only the fields an update carries', () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.on().onTicketUpdated({ key: 'IT-1', url: 'u', kind: 'comment', at });
    server.on().onTicketUpdated({ key: 'IT-1', url: 'u', kind: 'status', status: 'Done', at });
    expect(argsOf('upsertTicket')).toEqual([[{ key: 'IT-1', url: 'u' }], [{ key: 'IT-1', url: 'u', status: 'Done' }]]);
  });
});

describe('chat controller: conversation:new', () => {
  it('replaces the conversation, keeping pending messages, when the ack comes before any new session', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session([user('1', 'old'), assistant('2', 'old answer')]));
    const started = controller.startNewConversation();
    expect(argsOf('setNewConversationBusy')).toEqual([[true]]);
    server.newConversations[0]?.({ status: 'ok', value: { conversationId: 'conv-2' } });
    expect(await started).toBe('started');
    expect(argsOf('setNewConversationBusy')).toEqual([[true], [false]]);
    expect(argsOf('showConversation').at(-1)).toEqual([{ messages: [], tickets: [], pending: [], quickReplies: [] }]);
    expect(argsOf('addNotice')).toEqual([['New conversation started.']]);
  });

  it('keeps the new session when it arrives before the ack', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session([user('1', 'old')]));
    const started = controller.startNewConversation();
    const fresh = session([assistant('n1', 'Hi again')], 'sess-2');
    server.on().onSession(fresh);
    server.newConversations[0]?.({ status: 'ok', value: {} });
    expect(await started).toBe('started');
    expect(argsOf('showConversation').at(-1)?.[0]).toMatchObject({ messages: fresh.messages });
    expect(argsOf('addNotice')).toEqual([]);
  });

  it('does not start one offline, and reports a refusal', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    expect(await controller.startNewConversation()).toBe('offline');
    expect(server.newConversations).toEqual([]);
    server.accept(session());
    const started = controller.startNewConversation();
    server.newConversations[0]?.({ status: 'rejected', error: { code: 'rate', message: 'Slow down.' } });
    expect(await started).toBe('failed');
    expect(argsOf('addNotice')).toEqual([
      ['You are offline; a new conversation can start once the connection is back.', 'error'],
      ['Slow down.', 'error'],
    ]);
  });
});
