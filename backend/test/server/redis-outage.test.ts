/**
 * Redis going away (issue 12): the server keeps serving, `/readyz` names `redis` as failing, the
 * rate limits fall back to this replica's memory with the same budgets, a room's events still reach
 * this replica's sockets, and when Redis is back so is readiness. The server runs in this process,
 * so an unhandled rejection from a Redis client would fail the run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import { connect, say, sendMessage, startTestServer, type ClientSocket } from '../support/test-server.js';

let redis: RedisServer;
let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  server = await startTestServer(undefined, { REDIS_URL: redis.url });
  await waitForRedisCheck(server.url, 'ok');
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server?.close();
  await redis?.stop();
});

const worker = { name: 'Mei Lin', email: 'mei.lin@example.com' };

async function open(user = worker) {
  if (!server) throw new Error('no server');
  const { socket } = await connect(server.url, { user });
  sockets.push(socket);
  return socket;
}

describe('a server whose Redis goes away', () => {
  it('keeps serving with limits in its own memory, reports redis failing, and is ready again when Redis is back', async () => {
    if (!server) throw new Error('no server');
    const before = await open();
    await redis.kill();
    await waitForRedisCheck(server.url, 'failing');
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', failing: ['redis'] });
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);

    // Handshakes and messages still pass the limits, and answers still reach the sockets here.
    await say(before, 'Outlook says it is disconnected');
    const second = await open();
    for (let i = 1; i < 10; i++) await say(before, `still disconnected (${i})`);
    for (let i = 0; i < 10; i++) await say(second, `outlook shows a red cross (${i})`);
    // 20 in 30 s across the employee's conversations: the per-employee budget, kept in memory.
    expect(await sendMessage(second, 'one more')).toMatchObject({ ok: false, error: { code: 'rate_limit:user' } });

    const back = await startRedisServer(redis.port);
    redis = back;
    await waitForRedisCheck(server.url, 'ok');
    const colleague = await open({ name: 'Colleague', email: 'colleague@example.com' });
    await say(colleague, 'the printer is offline');
  });

  it('shuts down cleanly while Redis is away', async () => {
    if (!server) throw new Error('no server');
    await redis.kill();
    await waitForRedisCheck(server.url, 'failing');
    const closing = server.close();
    server = undefined;
    await expect(closing).resolves.toBeUndefined();
  });
});
