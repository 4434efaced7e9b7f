/**
 * Two replicas as production runs them (issue 12): two backend processes sharing one Postgres
 * (DATABASE_URL, the local desk in it too) and one Redis (REDIS_URL), both with a model (the
 * scripted OpenAI-compatible server). The same offer confirmed on both at the same moment makes
 * one ticket (the conversation's lock serialises the two turns); a staff comment made through
 * B's desk reaches the employee on A; an employee whose replica is killed carries on on the
 * other one with the whole history and ends with one ticket.
 *
 * The model holds its reading of a confirmation until a second reading comes in or a second has
 * passed. Without the lock both confirmations are inside the model at once and leave it together,
 * and both turns run the ticket node and announce the ticket as new; with it, the second turn
 * starts only after the first has finished, never meets it there, and points to its ticket.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/contract/index.js';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { startRedisServer, waitForRedisCheck, type RedisServer } from '../support/redis-server.js';
import {
  startScriptedOpenAi,
  type RecordedRequest,
  type Scripted,
  type ScriptedOpenAi,
} from '../support/scripted-openai.js';
import {
  connect,
  deskSearch,
  employee,
  say,
  TEST_DESK_TOKEN,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';

let cluster: PostgresCluster;
let redis: RedisServer;
let model: ScriptedOpenAi;
/** Confirmation readings that met another one inside the model. */
let overlaps = 0;
let a: BackendProcess;
let b: BackendProcess;
const sockets: ClientSocket[] = [];
/** The first employee's socket on A and their ticket, made in the first test. */
let onA: ClientSocket;
let firstKey = '';

/** Resolves when a second caller comes in (both then go on together) or after a second. */
function pairedHold(): () => Promise<void> {
  let waiting: (() => void) | undefined;
  return () => {
    const first = waiting;
    if (first) {
      overlaps++;
      first();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const release = () => {
        if (waiting === release) waiting = undefined;
        resolve();
      };
      waiting = release;
      setTimeout(release, 1000);
    });
  };
}

const UNDERSTANDINGS: Record<string, Record<string, unknown>> = {
  vpn: { category: 'vpn', playbookId: 'vpn-cannot-connect', symptom: 'VPN disconnects every few minutes', app: 'VPN' },
  email: { category: 'email', playbookId: 'outlook-password-prompts', symptom: 'Outlook asks for the password' },
};

function scriptedModel(): (request: RecordedRequest) => Scripted {
  const hold = pairedHold();
  return (r) => {
    if (r.kind === 'reply') return { text: 'Please try these steps and tell me what happened.' };
    if (r.name === 'record_understanding') {
      const understanding = UNDERSTANDINGS[/vpn/i.test(r.lastUser) ? 'vpn' : 'email'];
      return { json: { ...understanding, urgency: 'medium', language: 'en' } };
    }
    if (r.name === 'record_feedback') return { json: { intent: 'not_fixed' } };
    if (r.name === 'record_confirmation') return { json: { intent: 'confirm', answer: null }, until: hold() };
    return { status: 400, message: `unscripted request ${String(r.name)}` };
  };
}

async function startReplica(databaseUrl: string): Promise<BackendProcess> {
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: redis.url,
    OPENAI_API_KEY: 'test-key',
    OPENAI_BASE_URL: model.url,
  };
  const replica = await startBackendProcess({ env });
  await waitForRedisCheck(replica.url, 'ok');
  return replica;
}

async function open(url: string, auth: Record<string, unknown>) {
  const opened = await connect(url, auth);
  sockets.push(opened.socket);
  return opened;
}

/** Resolves with the assistant message stored under `id` once `socket` receives it. */
function messageWithId(socket: ClientSocket, id: string): Promise<ChatMessage> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no message ${id} within 20 s`)), 20_000);
    const onMessage = (m: ChatMessage) => {
      if (m.id !== id) return;
      clearTimeout(timer);
      socket.off('message', onMessage);
      resolve(m);
    };
    socket.on('message', onMessage);
  });
}

async function confirm(socket: ClientSocket): Promise<string> {
  const ack = await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
  if (!ack.ok) throw new Error(`message refused: ${ack.error.code}`);
  return `${ack.message.id}:reply`;
}

beforeAll(async () => {
  [cluster, redis, model] = await Promise.all([
    startPostgresCluster(),
    startRedisServer(),
    startScriptedOpenAi(scriptedModel()),
  ]);
  const databaseUrl = await cluster.createDatabase('replicas');
  [a, b] = await Promise.all([startReplica(databaseUrl), startReplica(databaseUrl)]);
}, 60_000);

afterAll(async () => {
  for (const socket of sockets) socket.close();
  await Promise.all([a, b].filter(Boolean).map((replica) => replica.stop()));
  for (const replica of [a, b].filter(Boolean)) fs.rmSync(replica.dataDir, { recursive: true, force: true });
  await redis?.stop();
  await cluster?.stop();
  await model?.close();
});

describe('two replicas on one Postgres and one Redis', () => {
  it('make one ticket when the same offer is confirmed on A and on B at the same moment', async () => {
    const first = await open(a.url, { user: employee });
    onA = first.socket;
    await troubleshootUntilOffer(onA, 'My VPN disconnects every few minutes since Monday');
    const { socket: onB } = await open(b.url, { sessionToken: first.session.sessionToken });

    const [replyIdA, replyIdB] = await Promise.all([confirm(onA), confirm(onB)]);
    const replies = await Promise.all([messageWithId(onA, replyIdA), messageWithId(onA, replyIdB)]);
    const keys = new Set(replies.map((r) => r.ticket?.key ?? /IT-\d+/.exec(r.text)?.[0]));
    expect(model.requests.filter((r) => r.name === 'record_confirmation')).not.toHaveLength(0);
    expect(overlaps, 'the two confirmations were inside the model at the same time').toBe(0);
    // One turn made the ticket; the other, run after it, points to it rather than announcing it again.
    expect(replies.filter((r) => r.ticket !== undefined)).toHaveLength(1);
    expect([...keys]).toHaveLength(1);
    firstKey = [...keys][0] ?? '';
    expect(firstKey).toMatch(/^IT-\d+$/);
    const search = await deskSearch(b.url, 'project = IT');
    expect(search.issues.map((i) => i.key)).toEqual([firstKey]);
    const again = await open(b.url, { sessionToken: first.session.sessionToken });
    expect(again.session.tickets.map((t) => t.key)).toEqual([firstKey]);
  }, 60_000);

  it("delivers a staff comment made through B's desk to the employee on A", async () => {
    if (!onA || !firstKey) throw new Error('the first test makes the ticket');
    const login = await fetch(`${b.url}/desk/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TEST_DESK_TOKEN, next: '/desk/' }).toString(),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const page = await fetch(`${b.url}/desk/browse/${firstKey}`, { headers: { Cookie: cookie } });
    const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const heard = new Promise<ChatMessage>((resolve) => {
      const onMessage = (m: ChatMessage) => {
        if (m.role === 'assistant' && m.text.includes('commented on')) resolve(m);
      };
      onA.on('message', onMessage);
    });
    const posted = await fetch(`${b.url}/desk/browse/${firstKey}/comment`, {
      method: 'POST',
      redirect: 'manual',
      headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ csrf, author: 'Kim', body: 'Please restart the VPN client.' }).toString(),
    });
    expect(posted.status).toBe(303);
    expect((await heard).text).toBe(`IT (Kim) commented on ${firstKey}: Please restart the VPN client.`);
  }, 30_000);

  it('let an employee on A carry on on B after A is killed, with the history and one ticket', async () => {
    const other = { name: 'Ben Okafor', email: 'ben.okafor@example.com' };
    const onFirst = await open(a.url, { user: other });
    await troubleshootUntilOffer(onFirst.socket, 'Outlook keeps asking for my password');
    const before = await open(a.url, { sessionToken: onFirst.session.sessionToken });
    await a.kill();

    const onSecond = await open(b.url, { sessionToken: onFirst.session.sessionToken });
    expect(onSecond.session.conversationId).toBe(onFirst.session.conversationId);
    expect(onSecond.session.messages).toEqual(before.session.messages);
    const reply = await say(onSecond.socket, 'Yes, create a ticket');
    const key = reply.ticket?.key ?? '';
    expect(key).toMatch(/^IT-\d+$/);
    expect(key).not.toBe(firstKey);
    const again = await say(onSecond.socket, 'Yes, create a ticket');
    expect(again.text).toContain(key);
    const search = await deskSearch(b.url, 'project = IT');
    expect(search.issues.map((i) => i.key).sort()).toEqual([firstKey, key].sort());
  }, 60_000);
});
