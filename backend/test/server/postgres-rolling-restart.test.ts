/**
 * A rolling restart under load (issue 12). Replicas A and B share one Postgres and one Redis and
 * sit behind the compose proxy (deploy/proxy/nginx.conf in Debian's nginx, which hashes the
 * client address to a replica). Fifty employees, each on a loopback address of their own, take
 * a problem through troubleshooting to a confirmed ticket. While they talk, A is stopped with
 * SIGTERM and a new A is started on the same port with an empty DATA_DIR; once it is healthy the
 * same happens to B. The employees only ever talk to the proxy: when their replica goes away the
 * proxy sends their next connection to the one still running, and they reconnect with their
 * session token and send again, with the same clientId, any message whose ack never came.
 *
 * Afterwards every message an employee saw acknowledged is in their history, each conversation
 * holds exactly one ticket (the one its "yes" was answered with), the desk holds exactly those
 * fifty issues, and each stopped replica exited cleanly, having finished its turns on the way.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/contract/index.js';
import { freePort } from '../contract/mcp-atlassian-process.js';
import { startNginxProxy, type NginxProxy } from '../deploy/nginx-proxy.js';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import { createResilientEmployee, escalate, type ResilientEmployee } from '../support/resilient-employee.js';
import { connect, deskGet } from '../support/test-server.js';

const EMPLOYEES = 50;
const OPENERS = [
  'My VPN disconnects every few minutes since Monday',
  'Outlook keeps asking for my password',
  'The printer on floor 3 says offline',
  'Teams shows a white screen on startup',
  'My laptop is very slow since the last update',
];

let cluster: PostgresCluster;
let redis: RedisServer;
let databaseUrl = '';
let proxy: NginxProxy;
const replicas: BackendProcess[] = [];
const employees: ResilientEmployee[] = [];

async function startReplica(port: number): Promise<BackendProcess> {
  const env = { DATABASE_URL: databaseUrl, REDIS_URL: redis.url };
  const replica = await startBackendProcess({ env, port });
  replicas.push(replica);
  await waitForRedisCheck(replica.url, 'ok');
  return replica;
}

/** SIGTERM, then a new process on the same port (so the proxy finds it) with a fresh DATA_DIR. */
async function replace(replica: BackendProcess): Promise<BackendProcess> {
  await replica.stop();
  return startReplica(replica.port);
}

async function socketConnections(replica: BackendProcess): Promise<number> {
  const metrics = await (await fetch(`${replica.url}/metrics`)).text();
  return Number(/^helpdesk_socket_connections (\d+)/m.exec(metrics)?.[1] ?? 'NaN');
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A few hundred milliseconds to read each reply, different per employee and turn. */
function readingTime(index: number): () => number {
  let turn = 0;
  return () => 300 + ((index * 7919 + ++turn * 104_729) % 900);
}

// A stack that cannot start (nginx, Postgres or Redis missing) fails the test with the reason.
let startupError: unknown;

beforeAll(async () => {
  try {
    [cluster, redis] = await Promise.all([startPostgresCluster(), startRedisServer()]);
    databaseUrl = await cluster.createDatabase('rolling');
    const ports = [await freePort(), await freePort()];
    await Promise.all(ports.map(startReplica));
    proxy = await startNginxProxy(ports);
  } catch (error) {
    startupError = error;
  }
}, 60_000);

afterAll(async () => {
  for (const employee of employees) employee.close();
  await proxy?.stop();
  await Promise.all(replicas.map((replica) => replica.stop()));
  for (const replica of replicas) fs.rmSync(replica.dataDir, { recursive: true, force: true });
  await redis?.stop();
  await cluster?.stop();
});

/** Each employee, a few milliseconds after the previous one, from opener to the reply to "yes". */
function startConversations(): Promise<PromiseSettledResult<ChatMessage>[]> {
  for (let i = 0; i < EMPLOYEES; i++) {
    const user = { name: `Employee ${i + 1}`, email: `employee${i + 1}@example.com` };
    employees.push(createResilientEmployee(proxy.url, user, { localAddress: `127.0.0.${10 + i}` }));
  }
  return Promise.allSettled(
    employees.map(async (employee, i) => {
      await new Promise((resolve) => setTimeout(resolve, i * 20));
      return escalate(employee, OPENERS[i % OPENERS.length] as string, readingTime(i));
    }),
  );
}

describe('a rolling restart of two replicas behind the proxy', () => {
  it('loses no acknowledged message and makes one ticket per employee while 50 escalations run', async () => {
    if (startupError) throw startupError;
    const [firstA, firstB] = replicas as [BackendProcess, BackendProcess];
    const settled = startConversations();
    await waitFor('a message of every employee acknowledged', () => employees.every((e) => e.acked().length > 0));
    const [onA, onB] = await Promise.all([firstA, firstB].map(socketConnections));
    const secondA = await replace(firstA);
    const secondB = await replace(firstB);
    const outcomes = await settled;

    expect(outcomes.flatMap((o) => (o.status === 'rejected' ? [String(o.reason)] : []))).toEqual([]);
    // Both replicas had employees, and the restarts cut at least as many conversations as A held.
    expect(onA).toBeGreaterThan(0);
    expect(onB).toBeGreaterThan(0);
    expect(employees.filter((e) => e.stats().reconnects > 0).length).toBeGreaterThanOrEqual(onA as number);
    // SIGTERM, not the helper's SIGKILL 5 s later: each finished its turns and exited by itself.
    for (const replica of [firstA, firstB]) expect(replica.exit()).toEqual({ code: 0, signal: null });
    const confirmations = outcomes.map((o) => (o as PromiseFulfilledResult<ChatMessage>).value);
    await expectHistoriesAndTickets(confirmations, secondA);
    await expectDeskHolds(confirmations, secondB);
  }, 110_000);
});

/** Read through a fresh connection with each employee's session token. */
async function expectHistoriesAndTickets(confirmations: ChatMessage[], replica: BackendProcess): Promise<void> {
  for (const [i, employee] of employees.entries()) {
    const { socket, session } = await connect(replica.url, { sessionToken: employee.sessionToken() });
    socket.close();
    const stored = new Set(session.messages.map((m) => m.id));
    const lost = employee.acked().filter((m) => !stored.has(m.id));
    expect(lost, `${employee.user.email}: acknowledged but not stored`).toEqual([]);
    // A message sent again after a lost ack is stored once.
    const sent = session.messages.filter((m) => m.role === 'user');
    expect(
      sent.map((m) => m.id),
      `${employee.user.email}: stored twice`,
    ).toEqual(employee.acked().map((m) => m.id));
    const key = confirmations[i]?.ticket?.key;
    expect(key ?? '', `${employee.user.email}: the reply to "yes" has no ticket`).toMatch(/^IT-\d+$/);
    expect(session.tickets.map((t) => t.key)).toEqual([key]);
  }
}

async function expectDeskHolds(confirmations: ChatMessage[], replica: BackendProcess): Promise<void> {
  const jql = encodeURIComponent('project = IT');
  const search = await deskGet<{ total: number; issues: { key: string }[] }>(
    replica.url,
    `search?jql=${jql}&maxResults=200`,
  );
  expect(search.total).toBe(EMPLOYEES);
  const keys = search.issues.map((i) => i.key);
  expect(new Set(keys).size).toBe(EMPLOYEES);
  expect([...keys].sort()).toEqual(confirmations.map((c) => c.ticket?.key).sort());
}
