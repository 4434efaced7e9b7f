/**
 * One client flooding must not freeze everyone (issue 10): the flooder's messages are refused
 * with `rate_limit:*` and a retry-after, the server stays responsive, and a bystander's message
 * is answered promptly while the flood goes on.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, ChatMessage } from '../../src/contract/index.js';
import { connect, startTestServer, type ClientSocket } from '../support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.close();
});

async function employee(name: string) {
  const { socket } = await connect(server.url, { user: { name, email: `${name.toLowerCase()}@example.com` } });
  sockets.push(socket);
  return socket;
}

const send = (socket: ClientSocket, text: string) =>
  socket.emitWithAck('message:send', { text }) as Promise<Ack<{ message?: ChatMessage }>>;

describe('a flooding client', () => {
  it('is limited per conversation while a bystander is served', async () => {
    const flooder = await employee('Flooder');
    const bystander = await employee('Bystander');
    const flood = Array.from({ length: 300 }, (_, i) => send(flooder, `printer broken ${i}`));
    const started = Date.now();
    const reply = new Promise<number>((resolve) =>
      bystander.on('message', (m: ChatMessage) => {
        if (m.role === 'assistant') resolve(Date.now() - started);
      }),
    );
    expect((await send(bystander, 'my vpn keeps disconnecting since this morning')).ok).toBe(true);
    const acks = await Promise.all(flood);
    const refused = acks.filter((a) => !a.ok);
    expect(acks.filter((a) => a.ok).length).toBeLessThanOrEqual(12);
    expect(refused.length).toBeGreaterThanOrEqual(288);
    for (const ack of refused) {
      if (ack.ok) continue;
      expect(ack.error.code).toMatch(/^rate_limit:/);
      expect(ack.error.retryAfterMs).toBeGreaterThan(0);
    }
    // Turns waiting on one conversation are capped, and the conversation's budget is spent.
    const codes = new Set(refused.map((a) => (a.ok ? '' : a.error.code)));
    expect([...codes].sort()).toEqual(['rate_limit:conversation', 'rate_limit:turns']);
    expect(await reply).toBeLessThan(5000);
    const health = Date.now();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(Date.now() - health).toBeLessThan(1000);
  });

  it('is not limited when many employees share one address', async () => {
    const team = await Promise.all(Array.from({ length: 40 }, (_, i) => employee(`Colleague${i}`)));
    const acks = await Promise.all(team.map((socket) => send(socket, 'outlook keeps asking for my password')));
    expect(acks.every((a) => a.ok)).toBe(true);
  });

  it('asks for a new conversation once one reaches 1,000 messages, and stores nothing more', async () => {
    const { socket, session } = await connect(server.url, { user: { name: 'Long', email: 'long@example.com' } });
    sockets.push(socket);
    const db = new Database(path.join(server.dataDir, 'helpdesk.sqlite'));
    const insert = db.prepare(
      `INSERT INTO messages (id, conversation_id, role, text, created_at) VALUES (?, ?, 'user', 'filler', ?)`,
    );
    db.transaction(() => {
      for (let i = 0; i < 1000; i++) insert.run(`filler-${i}`, session.conversationId, new Date().toISOString());
    })();
    db.close();
    const ack = await send(socket, 'one more');
    expect(ack).toMatchObject({ ok: false, error: { code: 'bad_request:conversation_full' } });
  });
});
