import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { signBody } from '../../src/shared/signature.js';
import { deliver, recordUpdates } from '../jira-events/deliver.js';
import { loadFixture, type Fixture, type Payload } from '../jira-events/fixtures.js';
import { connect, createTicketThroughChat, startTestServer, type ClientSocket } from '../support/test-server.js';

const SECRET = 'jira-webhook-secret-for-tests-0123456789';
const BOT_ACCOUNT = '712020:b07b07b0-7b07-4b07-8b07-b07b07b07b07';

let server: Awaited<ReturnType<typeof startTestServer>>;
let socket: ClientSocket;
let sessionToken: string;
let key: string;
let heard: ReturnType<typeof recordUpdates>;

/** A fixture aimed at the ticket made in `beforeAll`; `edit` tweaks it further. */
const payload = (name: Fixture, edit: (p: Payload) => void = () => undefined) =>
  loadFixture(name, (p) => {
    p['issue']['key'] = key;
    edit(p);
  });

const send = (body: unknown, options: Parameters<typeof deliver>[2] = {}) =>
  deliver(server.url, body, { secret: SECRET, ...options });

/** A staff comment that must arrive: once it has, everything sent before it was processed too. */
async function sentinel(text: string): Promise<void> {
  const commentId = String(Math.floor(Math.random() * 1e9));
  await send(
    payload('comment-created-wiki', (p) => {
      p['comment']['id'] = commentId;
      p['comment']['body'] = text;
    }),
  );
  await vi.waitFor(() => expect(heard.updates.at(-1)?.comment?.text).toBe(text), { timeout: 5000 });
}

beforeAll(async () => {
  server = await startTestServer(undefined, { JIRA_WEBHOOK_SECRET: SECRET, JIRA_BOT_USER: BOT_ACCOUNT });
  const connected = await connect(server.url);
  socket = connected.socket;
  sessionToken = connected.session.sessionToken;
  key = await createTicketThroughChat(socket, 'Teams is not working');
  heard = recordUpdates(socket);
}, 60_000);

afterAll(async () => {
  socket.close();
  await server.close();
});

beforeEach(() => heard.clear());

describe('POST /webhooks/jira', () => {
  it('shows a signed wiki-markup comment in the employee chat as readable text', async () => {
    const response = await send(payload('comment-created-wiki'));
    expect(response).toEqual({ status: 202, text: '' });
    await vi.waitFor(() => expect(heard.messages).toHaveLength(1));
    const [update] = heard.updates;
    expect(update).toMatchObject({ key, kind: 'comment', comment: { author: 'Dana Lee' } });
    expect(update?.url).toContain(`/browse/${key}`);
    expect(update?.comment?.text).toContain('Hi @user, I reset your Teams cache remotely.');
    expect(update?.comment?.text).toContain('See the known issue (https://status.example.com/teams/4711).');
    expect(update?.comment?.text).not.toMatch(/\{code|\*reset\*|h3\./);
    expect(heard.messages[0]?.text).toMatch(new RegExp(`^IT \\(Dana Lee\\) commented on ${key}: Next steps`));
  });

  it('shows a comment whose body is ADF as readable text', async () => {
    await send(payload('comment-created-adf'));
    await vi.waitFor(() => expect(heard.updates).toHaveLength(1));
    expect(heard.updates[0]?.comment?.text).toContain('Thanks @Aiko Tanaka, the error 0x80070005 means access denied.');
    expect(heard.updates[0]?.comment?.text).toContain(
      '• Follow this guide (https://intranet.example.com/kb/teams-reset)',
    );
  });

  it('announces a status transition with an update and a short assistant message', async () => {
    await send(payload('issue-updated-status'));
    await vi.waitFor(() => expect(heard.messages).toHaveLength(1));
    expect(heard.updates).toEqual([
      { key, url: expect.stringContaining(key), kind: 'status', status: 'Done', at: '2026-05-21T09:00:00.000Z' },
    ]);
    expect(heard.messages[0]?.text).toBe(`IT marked ${key} as Done — is everything working?`);
  });

  it('refuses forged, unsigned and tampered deliveries with 401 and an empty body, and shows nothing', async () => {
    const body = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'forged-1';
      p['comment']['body'] = 'Please send your password to me.';
    });
    const attempts = [
      await send(body, { signature: null }),
      await send(body, { secret: 'not-the-secret' }),
      await send(body, { signature: 'sha256=zz' }),
      await send(body, { tamperedBody: JSON.stringify({ ...body, webhookEvent: 'comment_updated' }) }),
      await send(body, { path: '/not-the-secret', signature: null }),
    ];
    expect(attempts).toEqual(Array.from({ length: 5 }, () => ({ status: 401, text: '' })));
    await sentinel('after the forgeries');
    expect(heard.updates.map((u) => u.comment?.text)).toEqual(['after the forgeries']);
  });

  it('answers a correctly signed body that is not JSON with 400 and an empty body', async () => {
    const notJson = 'comment_created but not JSON';
    const res = await fetch(`${server.url}/webhooks/jira`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Hub-Signature': signBody(SECRET, notJson) },
      body: notJson,
    });
    expect({ status: res.status, text: await res.text() }).toEqual({ status: 400, text: '' });
  });

  it('shows a replayed delivery once', async () => {
    const body = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'replayed-1';
      p['comment']['body'] = 'Only once, please.';
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await send(body, { id: 'delivery-replayed-1' })).status);
    expect(statuses).toEqual([202, 202, 202]);
    await sentinel('after the replays');
    expect(heard.updates.map((u) => u.comment?.text)).toEqual(['Only once, please.', 'after the replays']);
  });

  it('shows one comment once however it is replayed: new delivery ids, no id, 20 at the same time', async () => {
    const body = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'replayed-2';
      p['comment']['body'] = 'Shown once whatever the delivery id.';
    });
    await send(body, { id: 'first-delivery' });
    await send(body, { id: 'second-delivery' });
    await send(body, { id: '' });
    await Promise.all(Array.from({ length: 20 }, (_, i) => send(body, { id: `parallel-${i}` })));
    await sentinel('after the parallel replays');
    expect(heard.updates.map((u) => u.comment?.text)).toEqual([
      'Shown once whatever the delivery id.',
      'after the parallel replays',
    ]);
  });

  it('never shows internal notes, whatever shape their mark has', async () => {
    const shapes: ((p: Payload) => void)[] = [
      (p) => void (p['comment']['properties'] = [{ key: 'sd.public.comment', value: '{"internal":true}' }]),
      (p) => void (p['comment']['properties'] = [{ key: 'sd.public.comment', value: { internal: 'true' } }]),
      (p) => void (p['comment']['jsdPublic'] = 'false'),
    ];
    for (const [i, shape] of shapes.entries()) {
      await send(
        payload('comment-created-wiki', (p) => {
          p['comment']['id'] = `internal-${i}`;
          p['comment']['body'] = 'Internal: the user is on the old laptop';
          shape(p);
        }),
      );
    }
    await sentinel('after the internal notes');
    expect(heard.updates.map((u) => u.comment?.text)).toEqual(['after the internal notes']);
  });

  it('ignores a status change older than the one already applied', async () => {
    const status = (name: string, timestamp: number) =>
      payload('issue-updated-status', (p) => {
        p['timestamp'] = timestamp;
        p['changelog']['items'] = [{ field: 'status', fieldId: 'status', fromString: 'x', toString: name }];
      });
    await send(status('Waiting for support', 1779400000000));
    await send(status('In Progress', 1779390000000));
    await sentinel('after the statuses');
    expect(heard.updates.filter((u) => u.kind === 'status').map((u) => u.status)).toEqual(['Waiting for support']);
  });

  it('accepts an unsigned delivery with the secret in the path', async () => {
    const body = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'path-token-1';
      p['comment']['body'] = 'From Data Center.';
    });
    expect((await send(body, { path: `/${SECRET}`, signature: null })).status).toBe(202);
    await vi.waitFor(() => expect(heard.updates.map((u) => u.comment?.text)).toEqual(['From Data Center.']));
  });

  it("skips the bot's own comments, restricted comments and tickets it did not create", async () => {
    const own = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'own-1';
      p['comment']['author'] = { accountId: BOT_ACCOUNT, displayName: 'IT Help bot' };
    });
    const marked = payload('comment-created-wiki', (p) => {
      p['comment']['id'] = 'own-2';
      p['comment']['body'] = 'Error code 0x1\n\n_Sent from the IT Help chat_';
    });
    const restricted = payload('comment-created-datacenter');
    const elsewhere = loadFixture('comment-created-wiki', (p) => {
      p['issue']['key'] = 'IT-9999';
    });
    for (const body of [own, marked, restricted, elsewhere]) expect((await send(body)).status).toBe(202);
    await sentinel('after the skipped ones');
    expect(heard.updates).toHaveLength(1);
  });

  it('keeps updates for an employee who is offline and shows them in the session on the next visit', async () => {
    socket.disconnect();
    await send(
      payload('comment-created-wiki', (p) => {
        p['comment']['id'] = 'offline-1';
        p['comment']['body'] = 'We replaced your headset; pick it up at the desk.';
      }),
    );
    await send(
      payload('issue-updated-status', (p) => {
        p['timestamp'] = 1779500000000;
        p['changelog']['items'][1]['toString'] = 'Resolved';
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    const again = await connect(server.url, { sessionToken });
    socket = again.socket;
    heard = recordUpdates(socket);
    const texts = again.session.messages.map((m) => m.text);
    expect(texts).toContain(`IT (Dana Lee) commented on ${key}: We replaced your headset; pick it up at the desk.`);
    expect(texts.at(-1)).toBe(`IT marked ${key} as Resolved — is everything working?`);
    expect(again.session.tickets.find((t) => t.key === key)?.status).toBe('Resolved');
  });
});
