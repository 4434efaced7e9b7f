import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, startTestServer, type ClientSocket } from '../support/test-server.js';

describe('socket input validation', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let socket: ClientSocket;

  beforeAll(async () => {
    server = await startTestServer();
    ({ socket } = await connect(server.url));
  });
  afterAll(async () => {
    socket?.close();
    await server?.close();
  });

  it('refuses an empty message with a coded ack', async () => {
    const ack = await socket.emitWithAck('message:send', { text: '   ' });
    expect(ack).toEqual({ ok: false, error: { code: 'bad_request:message', message: 'text must not be empty' } });
  });

  it('refuses a non-string text', async () => {
    const ack = await socket.emitWithAck('message:send', { text: 42 });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error).toEqual({ code: 'bad_request:message', message: 'text must be a string' });
  });

  it('refuses a payload that is not an object', async () => {
    const ack = await socket.emitWithAck('message:send', 'hello');
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.code).toBe('bad_request:message');
  });

  it('refuses text over 4,000 characters and keeps the connection', async () => {
    const ack = await socket.emitWithAck('message:send', { text: 'x'.repeat(4001) });
    expect(ack.ok).toBe(false);
    if (!ack.ok) expect(ack.error.message).toMatch(/4000 characters/);
    expect(socket.connected).toBe(true);
    const ok = await socket.emitWithAck('message:send', { text: 'x'.repeat(4000) });
    expect(ok.ok).toBe(true);
  });

  it('answers an unknown event with a coded error', async () => {
    const raw = socket as unknown as { emitWithAck(event: string, payload: unknown): Promise<unknown> };
    const ack = await raw.emitWithAck('ticket:delete', { key: 'IT-1' });
    expect(ack).toEqual({ ok: false, error: { code: 'bad_request:event', message: 'Unknown event "ticket:delete".' } });
    expect(socket.connected).toBe(true);
  });

  it('survives event names that are not strings and answers them with a coded error', async () => {
    const raw = socket as unknown as {
      emitWithAck(event: unknown, ...args: unknown[]): Promise<unknown>;
      emit(event: unknown, ...args: unknown[]): void;
    };
    // Before: `event.slice` on a number threw outside any handler and ended the process.
    raw.emit(1, { text: 'hi' });
    const errors: unknown[] = [];
    socket.on('error' as never, (e: unknown) => void errors.push(e));
    await expect(raw.emitWithAck(7, { text: 'hi' })).resolves.toEqual({
      ok: false,
      error: { code: 'bad_request:event', message: 'Unknown event "number".' },
    });
    expect(errors).toContainEqual({ code: 'bad_request:event', message: 'Unknown event "number".' });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(socket.connected).toBe(true);
  });

  it('acks whatever the argument shape: the ack alone, or extra arguments before it', async () => {
    const raw = socket as unknown as { emitWithAck(event: string, ...args: unknown[]): Promise<unknown> };
    await expect(raw.emitWithAck('message:send')).resolves.toMatchObject({
      ok: false,
      error: { code: 'bad_request:message' },
    });
    await expect(raw.emitWithAck('message:send', { text: 'extra args' }, 'extra', 3)).resolves.toMatchObject({
      ok: true,
    });
    await expect(raw.emitWithAck('conversation:new', {}, 'extra')).resolves.toMatchObject({ ok: true });
  });

  it('conversation:new with a copied session token never hides the employee history', async () => {
    const victim = await connect(server.url, { user: { name: 'Vic', email: 'vic@example.com' } });
    await victim.socket.emitWithAck('message:send', { text: 'my printer jams on every page' });
    victim.socket.close();
    const intruder = await connect(server.url, {
      user: { name: 'Vic', email: 'vic@example.com' },
      sessionToken: victim.session.sessionToken,
    });
    const moved = await intruder.socket.emitWithAck('conversation:new', {});
    intruder.socket.close();
    expect(moved.ok).toBe(true);
    const back = await connect(server.url, {
      user: { name: 'Vic', email: 'vic@example.com' },
      sessionToken: victim.session.sessionToken,
    });
    back.socket.close();
    expect(back.session.conversationId).toBe(victim.session.conversationId);
    expect(back.session.messages.map((m) => m.text)).toContain('my printer jams on every page');
  });

  it('refuses a connection without an identity in open mode', async () => {
    await expect(connect(server.url, {})).rejects.toMatchObject({
      message: 'Please tell us your name and work email to start.',
    });
  });

  it('serves health and readiness over HTTP', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', mcp: 'ok' } });
  });
});
