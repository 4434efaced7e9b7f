/**
 * Generated input against the real server (issue 10): raw engine.io/socket.io frames, handshakes,
 * event payloads, webhook bodies and desk requests — over 10,000 in all. The server must stay up,
 * every ack must be coded, and no answer may carry anything internal (stack frames, file paths,
 * SQL, error class names).
 */
import fc from 'fast-check';
import { io as connectClient } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deriveLocalWebhookSecret } from '../../src/runtime-plan.js';
import { signBody } from '../../src/shared/signature.js';
import { connect, startTestServer, type ClientSocket } from '../support/test-server.js';

const INTERNAL = /\bat [\w.<>]+ \(|node_modules|\.ts:\d+|SQLITE|TypeError|RangeError|ReferenceError|stack/i;
const CODED = /^[a-z_]+:[a-z_]+$/;
const counts = { frames: 0, handshakes: 0, payloads: 0, webhooks: 0, desk: 0 };

let server: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server?.close();
  console.log(`fuzz inputs: ${JSON.stringify(counts)} = ${Object.values(counts).reduce((a, b) => a + b, 0)}`);
});

async function isHealthy(): Promise<boolean> {
  return (await fetch(`${server.url}/healthz`)).status === 200;
}

function expectCodedAck(ack: unknown): void {
  expect(ack).toBeTypeOf('object');
  const { ok, error } = ack as { ok: boolean; error?: { code: string; message: string } };
  if (ok) return;
  expect(error?.code).toMatch(CODED);
  expect(error?.message).toBeTypeOf('string');
  expect(JSON.stringify(ack)).not.toMatch(INTERNAL);
}

describe('socket events with generated names, payloads and argument shapes', () => {
  let socket: ClientSocket;
  beforeAll(async () => {
    ({ socket } = await connect(server.url));
  });
  afterAll(() => socket?.close());

  it('acks every one with a coded answer and stays up', async () => {
    const raw = socket as unknown as { timeout(ms: number): { emitWithAck(...args: unknown[]): Promise<unknown> } };
    const event = fc.oneof(
      fc.constantFrom('message:send', 'conversation:new'),
      fc.string({ maxLength: 30 }),
      fc.integer(),
    );
    const args = fc.array(fc.oneof(fc.anything(), fc.record({ text: fc.anything(), clientId: fc.anything() })), {
      maxLength: 3,
    });
    await fc.assert(
      fc.asyncProperty(event, args, async (name, rest) => {
        counts.payloads++;
        // conversation:new with a valid payload moves the socket; that is allowed and still acked.
        const ack = await raw.timeout(5000).emitWithAck(name, ...rest);
        expectCodedAck(ack);
      }),
      { numRuns: 3000 },
    );
    expect(await isHealthy()).toBe(true);
  });
});

describe('handshakes with generated auth', () => {
  it('either opens a session or refuses with a coded error', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ user: fc.anything(), sessionToken: fc.anything(), token: fc.anything() }, { requiredKeys: [] }),
        ),
        async (auth) => {
          counts.handshakes++;
          const client = connectClient(server.url, {
            auth: auth as Record<string, unknown>,
            transports: ['websocket'],
            reconnection: false,
          });
          const outcome = await new Promise<unknown>((resolve) => {
            const done = (value: unknown) => {
              clearTimeout(timer);
              resolve(value);
            };
            const timer = setTimeout(() => done('no answer'), 3000);
            client.once('session', () => done('session'));
            client.once('connect_error', (error: Error & { data?: unknown }) => done(error.data ?? error.message));
            // An auth that is not an object is a protocol error: socket.io closes the connection.
            client.io.once('close', () => done('closed'));
          });
          client.close();
          expect(outcome, JSON.stringify(auth)).not.toBe('no answer');
          if (outcome !== 'session' && outcome !== 'closed') expectCodedAck({ ok: false, error: outcome });
        },
      ),
      { numRuns: 400 },
    );
    expect(await isHealthy()).toBe(true);
  });
});

describe('raw engine.io / socket.io frames', () => {
  const frame = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc
      .tuple(fc.constantFrom('0', '1', '2', '3', '4', '40', '41', '42', '43', '44', '45', '46', '451-'), fc.string())
      .map(([prefix, rest]) => prefix + rest),
    fc.tuple(fc.constantFrom('42', '420', '4299999999', '42/', '42/admin,'), fc.json()).map(([p, j]) => p + j),
    fc.jsonValue().map((v) => `42${JSON.stringify([1, v])}`),
  );

  async function openRaw(): Promise<WebSocket> {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('error', () => undefined);
    ws.send(`40${JSON.stringify({ user: { name: 'Fuzz', email: 'fuzz@example.com' } })}`);
    return ws;
  }

  it('never takes the server down, whatever arrives on the wire', async () => {
    let ws = await openRaw();
    await fc.assert(
      fc.asyncProperty(fc.array(frame, { minLength: 1, maxLength: 10 }), async (frames) => {
        if (ws.readyState !== WebSocket.OPEN) ws = await openRaw();
        for (const text of frames) {
          counts.frames++;
          ws.send(text);
        }
        const replies: string[] = [];
        ws.on('message', (data: Buffer) => replies.push(data.toString('utf8')));
        await new Promise((resolve) => setTimeout(resolve, 2));
        ws.removeAllListeners('message');
        for (const reply of replies) expect(reply).not.toMatch(INTERNAL);
      }),
      { numRuns: 1000 },
    );
    ws.close();
    expect(await isHealthy()).toBe(true);
  });
});

describe('webhook bodies', () => {
  it('answers 202, 400 or 401 — never 5xx — signed or not', async () => {
    const secret = deriveLocalWebhookSecret(server.deskToken ?? '');
    const body = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc
        .record({
          webhookEvent: fc.constantFrom('comment_created', 'jira:issue_updated', 'jira:issue_created', 'x'),
          issue: fc.anything(),
          comment: fc.anything(),
          changelog: fc.anything(),
          timestamp: fc.anything(),
        })
        .map((v) => JSON.stringify(v)),
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, signed) => {
        counts.webhooks++;
        const response = await fetch(`${server.url}/webhooks/jira`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            ...(signed ? { 'X-Hub-Signature': signBody(secret, text) } : {}),
          },
          body: text,
        });
        expect([202, 400, 401]).toContain(response.status);
        expect(await response.text()).not.toMatch(INTERNAL);
      }),
      { numRuns: 1200 },
    );
    expect(await isHealthy()).toBe(true);
  });
});

describe('desk requests', () => {
  it('answers generated paths, queries and bodies with no 5xx', async () => {
    const segment = fc.oneof(
      fc.constantFrom('%c0', '%', '%%', '..', 'IT-1', 'browse', 'rest', 'api', '2', 'issue', 'search', 'mcp', 'login'),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(segment, { maxLength: 6 }),
        fc.constantFrom('GET', 'POST'),
        fc.string({ maxLength: 300 }),
        fc.boolean(),
        async (segments, method, body, withToken) => {
          counts.desk++;
          const response = await fetch(`${server.url}/desk/${segments.join('/')}`, {
            method,
            redirect: 'manual',
            headers: {
              'Content-Type': 'application/json',
              ...(withToken ? { Authorization: `Bearer ${server.deskToken ?? ''}` } : {}),
            },
            ...(method === 'POST' ? { body } : {}),
          });
          expect(response.status, `${method} /desk/${segments.join('/')}`).toBeLessThan(500);
          expect(await response.text()).not.toMatch(INTERNAL);
        },
      ),
      { numRuns: 800 },
    );
    expect(await isHealthy()).toBe(true);
  });
});

describe('the whole run', () => {
  it('sent at least 10,000 generated inputs', () => {
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(10_000);
  });
});
