import { afterEach, describe, expect, it, vi } from 'vitest';
import { assistant, at, session, settle, setup, user } from './support/chat-controller-harness.js';

describe('chat controller: the outbox', () => {
  it('holds messages typed while offline and sends each once, in order, after the session', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    controller.send('first');
    controller.send('second');
    expect(argsOf('addPending').map(([p]) => p)).toEqual([
      { clientId: 'c1', text: 'first', state: 'queued' },
      { clientId: 'c2', text: 'second', state: 'queued' },
    ]);
    expect(server.sends).toEqual([]);

    server.accept(session());
    expect(server.sends.map((s) => s.payload)).toEqual([{ text: 'first', clientId: 'c1' }]);
    expect(controller.state).toBe('sending');
    server.ack(0, user('m1', 'first'));
    await settle();
    expect(server.sends.map((s) => s.payload.clientId)).toEqual(['c1', 'c2']);
    server.ack(1, user('m2', 'second'));
    await settle();

    expect(server.sends).toHaveLength(2);
    expect(controller.state).toBe('ready');
    expect(argsOf('confirmPending')).toEqual([
      ['c1', user('m1', 'first')],
      ['c2', user('m2', 'second')],
    ]);
  });

  it('sends one message at a time: a second message waits for the first ack', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    controller.send('one');
    controller.send('two');
    expect(server.sends).toHaveLength(1);
    expect(argsOf('addPending').map(([p]) => p)).toEqual([
      { clientId: 'c1', text: 'one', state: 'sending' },
      { clientId: 'c2', text: 'two', state: 'sending' },
    ]);
    server.ack(0);
    await settle();
    expect(server.sends.map((s) => s.payload.text)).toEqual(['one', 'two']);
    // Without a message in the ack, the controller confirms its own copy.
    expect(argsOf('confirmPending')[0]).toEqual(['c1', { id: 'c1', role: 'user', text: 'one', createdAt: at }]);
  });

  it('does not send again a message in flight that the resumed history shows as arrived', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session([assistant('a1', 'Hello')]));
    controller.send('still broken');
    server.drop();
    await settle();
    expect(argsOf('setPendingState').at(-1)).toEqual(['c1', 'queued']);

    server.accept(session([assistant('a1', 'Hello'), user('u1', 'still broken'), assistant('a2', 'Sorry')]));
    await settle();
    expect(server.sends).toHaveLength(0);
    expect(argsOf('showConversation').at(-1)?.[0]).toMatchObject({ pending: [] });
  });

  it('sends again, once, a message in flight that the resumed history lacks', async () => {
    const { controller, server, argsOf } = setup();
    controller.connect();
    server.accept(session());
    controller.send('still broken');
    server.drop();
    await settle();
    server.accept(session());
    await settle();
    expect(server.sends.map((s) => s.payload)).toEqual([{ text: 'still broken', clientId: 'c1' }]);
    expect(argsOf('showConversation').at(-1)?.[0]).toMatchObject({
      pending: [{ clientId: 'c1', text: 'still broken', state: 'queued' }],
    });
  });

  it('sends a message once even when a new session arrives while it is in flight', async () => {
    const { controller, server } = setup();
    controller.connect();
    server.accept(session());
    controller.send('hello');
    server.on().onSession(session([], 'sess-2'));
    expect(server.sends).toHaveLength(1);
    server.ack(0, user('m1', 'hello'));
    await settle();
    expect(server.sends).toHaveLength(1);
    expect(controller.state).toBe('ready');
  });

  describe('when the server asks to slow down', () => {
    afterEach(() => vi.useRealTimers());

    it('keeps the message queued, says why once, and sends it again after the retry-after', async () => {
      vi.useFakeTimers();
      const { controller, server, argsOf } = setup();
      controller.connect();
      server.accept(session());
      controller.send('first');
      controller.send('second');
      const slowDown = { code: 'rate_limit:conversation', message: 'Please wait a few seconds.', retryAfterMs: 2000 };
      server.sends[0]?.answer({ status: 'rejected', error: slowDown });
      await vi.advanceTimersByTimeAsync(0);
      expect(argsOf('refusePending')).toEqual([]);
      expect(argsOf('addNotice')).toEqual([['Please wait a few seconds.', 'info']]);
      expect(server.sends).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1999);
      expect(server.sends).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(server.sends.map((s) => s.payload.text)).toEqual(['first', 'first']);
    });
  });
});
