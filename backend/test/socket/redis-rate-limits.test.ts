/**
 * With REDIS_URL the rate limits are one budget for all replicas (issue 12): an employee who
 * floods through two replicas at once gets the per-employee budget once (20 messages in 30 s),
 * not once per replica. Two servers in this process, each with its own data folder, one Redis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import {
  connect,
  say,
  sendMessage,
  startTestServer,
  TEST_DESK_TOKEN,
  type ClientSocket,
} from '../support/test-server.js';

let redis: RedisServer;
let servers: Awaited<ReturnType<typeof startTestServer>>[] = [];
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  servers = await Promise.all([
    startTestServer(undefined, { REDIS_URL: redis.url }),
    startTestServer(undefined, { REDIS_URL: redis.url }),
  ]);
  await Promise.all(servers.map((server) => waitForRedisCheck(server.url, 'ok')));
});

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all(servers.map((server) => server.close()));
  await redis?.stop();
});

async function open(url: string, user: { name: string; email: string }) {
  const { socket } = await connect(url, { user });
  sockets.push(socket);
  return socket;
}

describe('rate limits with REDIS_URL', () => {
  it('give an employee flooding through two replicas one budget of 20 messages per 30 s', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    const flooder = { name: 'Flo Oder', email: 'flo.oder@example.com' };
    const onA = await open(a.url, flooder);
    const onB = await open(b.url, flooder);
    // Ten on each: within each replica's own budget and each conversation's (12), 20 in all.
    for (let i = 0; i < 10; i++) {
      await say(onA, `the printer on floor 3 jams (${i})`);
      await say(onB, `the printer on floor 3 jams (${i})`);
    }
    for (const socket of [onA, onB]) {
      const refused = await sendMessage(socket, 'and one more');
      expect(refused).toMatchObject({ ok: false, error: { code: 'rate_limit:user' } });
      if (!refused.ok) expect(refused.error.retryAfterMs).toBeGreaterThan(0);
    }
    // The budget is the flooder's alone: a colleague on the same replicas is answered.
    const colleague = await open(b.url, { name: 'Colleague', email: 'colleague@example.com' });
    expect((await sendMessage(colleague, 'my vpn keeps disconnecting')).ok).toBe(true);
  });

  it('count wrong desk tokens from one address on both replicas together, and not the right one', async () => {
    const [a, b] = servers;
    if (!a || !b) throw new Error('two servers expected');
    const login = (url: string, token: string) =>
      fetch(`${url}/desk/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, next: '/desk/' }),
      }).then((res) => res.status);
    for (let i = 0; i < 12; i++) expect(await login(i % 2 ? a.url : b.url, TEST_DESK_TOKEN)).toBe(303);
    const wrong: number[] = [];
    for (let i = 0; i < 10; i++) wrong.push(await login(i % 2 ? a.url : b.url, `guess-${i}-0123456789abcdef`));
    expect(wrong.every((status) => status === 401)).toBe(true);
    expect(await login(a.url, 'guess-a-0123456789abcdef')).toBe(429);
    expect(await login(b.url, 'guess-b-0123456789abcdef')).toBe(429);
  });
});
