/**
 * A replica killed in the middle of a turn (issue 12): the employee's message was acknowledged
 * by A, A's model was still thinking when A died (SIGKILL), and no replica restarts. B, which
 * looks for other replicas' stranded turns every 15 s, runs the turn itself (offline: B has no
 * model) within two looks; the employee, now on B, gets the one reply to that message.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/contract/index.js';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import { startScriptedOpenAi, type ScriptedOpenAi } from '../support/scripted-openai.js';
import { connect, employee, type ClientSocket } from '../support/test-server.js';

let cluster: PostgresCluster;
let redis: RedisServer;
let model: ScriptedOpenAi;
const replicas: BackendProcess[] = [];
const sockets: ClientSocket[] = [];

async function startReplica(env: Record<string, string>): Promise<BackendProcess> {
  const replica = await startBackendProcess({ env: { ...env, REDIS_URL: redis.url } });
  replicas.push(replica);
  await waitForRedisCheck(replica.url, 'ok');
  return replica;
}

beforeAll(async () => {
  [cluster, redis, model] = await Promise.all([
    startPostgresCluster(),
    startRedisServer(),
    startScriptedOpenAi(() => ({ hang: true })),
  ]);
}, 60_000);

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await Promise.all(replicas.map((r) => r.stop()));
  for (const r of replicas) fs.rmSync(r.dataDir, { recursive: true, force: true });
  await Promise.all([model?.close(), redis?.stop()]);
  await cluster?.stop();
});

describe('a turn whose replica died', () => {
  it('is answered once by the other replica, without a restart', async () => {
    const databaseUrl = await cluster.createDatabase('stranded');
    const withModel = { DATABASE_URL: databaseUrl, OPENAI_API_KEY: 'test-key', OPENAI_BASE_URL: model.url };
    const [a, b] = await Promise.all([startReplica(withModel), startReplica({ DATABASE_URL: databaseUrl })]);
    const onA = await connect(a.url, { user: employee });
    sockets.push(onA.socket);
    const ack = await onA.socket.emitWithAck('message:send', { text: 'My VPN disconnects every few minutes' });
    if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
    for (let i = 0; i < 100 && model.requests.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(model.requests.length).toBeGreaterThan(0);
    await a.kill();

    const onB = await connect(b.url, { sessionToken: onA.session.sessionToken });
    sockets.push(onB.socket);
    const replyId = `${ack.message.id}:reply`;
    const reply = await new Promise<ChatMessage>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no reply from B within 40 s')), 40_000);
      onB.socket.on('message', (m) => {
        if (m.id !== replyId) return;
        clearTimeout(timer);
        resolve(m);
      });
    });
    expect(reply.text).toMatch(/VPN/);
    const again = await connect(b.url, { sessionToken: onA.session.sessionToken });
    sockets.push(again.socket);
    expect(again.session.messages.map((m) => m.id)).toEqual([ack.message.id, replyId]);
  }, 90_000);
});
