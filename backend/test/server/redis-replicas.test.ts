/**
 * Two replicas sharing one Redis (REDIS_URL, issue 12): a conversation's room spans them. Each
 * replica is its own process with its own data folder; B learns the employee's conversation from a
 * copy of A's database taken after the employee connected (what a shared database gives for real),
 * so B's chat knows the session. Whatever B publishes to that room then reaches the employee's
 * socket on A, and only Redis can carry it there.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/contract/index.js';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import { connect, makeDataDir, nextAssistantMessage, type ClientSocket } from '../support/test-server.js';

let redis: RedisServer;
const replicas: BackendProcess[] = [];
const sockets: ClientSocket[] = [];
/** The employee's socket on A and the same conversation's socket on B. */
let onA: ClientSocket;
let onB: ClientSocket;

beforeAll(async () => {
  redis = await startRedisServer();
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(replicas.map((replica) => replica.stop()));
  await redis?.stop();
});

async function startReplica(dataDir?: string): Promise<BackendProcess> {
  const replica = await startBackendProcess({ env: { REDIS_URL: redis.url }, ...(dataDir ? { dataDir } : {}) });
  replicas.push(replica);
  await waitForRedisCheck(replica.url, 'ok');
  return replica;
}

describe('two replicas with REDIS_URL', () => {
  it('deliver what replica B publishes to a conversation to the employee connected to replica A', async () => {
    const a = await startReplica();
    const { socket, session } = await connect(a.url);
    onA = socket;
    sockets.push(onA);

    const dataDirB = makeDataDir();
    const source = new Database(path.join(a.dataDir, 'helpdesk.sqlite'), { readonly: true });
    await source.backup(path.join(dataDirB, 'helpdesk.sqlite'));
    source.close();
    const b = await startReplica(dataDirB);
    const { socket: socketOnB, session: sessionOnB } = await connect(b.url, { sessionToken: session.sessionToken });
    onB = socketOnB;
    sockets.push(onB);
    expect(sessionOnB.conversationId).toBe(session.conversationId);

    const seenOnA: ChatMessage[] = [];
    onA.on('message', (message) => seenOnA.push(message));
    const replyOnA = nextAssistantMessage(onA);
    const ack = await onB.emitWithAck('message:send', { text: 'Teams is not working since this morning' });
    if (!ack.ok) throw new Error(`B refused the message: ${ack.error.code}`);

    const reply = await replyOnA;
    expect(seenOnA[0]).toMatchObject({ role: 'user', text: 'Teams is not working since this morning' });
    expect(reply.id).toBe(`${seenOnA[0]?.id}:reply`);
    expect(reply.text).toMatch(/teams/i);
  });

  it('deliver across replicas again once Redis is back from an outage', async () => {
    if (!onA || !onB) throw new Error('the first test sets up both sockets');
    await redis.kill();
    await Promise.all(replicas.map((replica) => waitForRedisCheck(replica.url, 'failing')));
    redis = await startRedisServer(redis.port);
    await Promise.all(replicas.map((replica) => waitForRedisCheck(replica.url, 'ok')));

    const replyOnA = nextAssistantMessage(onA);
    const ack = await onB.emitWithAck('message:send', { text: 'still not working after a restart' });
    if (!ack.ok) throw new Error(`B refused the message: ${ack.error.code}`);
    expect((await replyOnA).id).toBe(`${ack.message.id}:reply`);
  });
});
