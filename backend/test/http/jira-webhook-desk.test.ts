import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliver, recordUpdates } from '../jira-events/deliver.js';
import { loadFixture } from '../jira-events/fixtures.js';
import {
  TEST_DESK_TOKEN,
  connect,
  createTicketThroughChat,
  startTestServer,
  type ClientSocket,
} from '../support/test-server.js';

// No JIRA_WEBHOOK_SECRET: the local desk and the backend share one derived from the desk token.
let server: Awaited<ReturnType<typeof startTestServer>>;
let socket: ClientSocket;
let key: string;
let cookie: string;
let heard: ReturnType<typeof recordUpdates>;

async function staffPost(path: string, fields: Record<string, string>): Promise<number> {
  const page = await fetch(`${server.url}/desk/browse/${key}`, { headers: { Cookie: cookie } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, ...fields }).toString(),
  });
  return res.status;
}

beforeAll(async () => {
  server = await startTestServer();
  const connected = await connect(server.url);
  socket = connected.socket;
  key = await createTicketThroughChat(socket, 'My laptop will not connect to the VPN');
  heard = recordUpdates(socket);
  const login = await fetch(`${server.url}/desk/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: TEST_DESK_TOKEN, next: '/desk/' }).toString(),
  });
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}, 60_000);

afterAll(async () => {
  socket.close();
  await server.close();
});

describe('the local desk sends signed Jira webhooks', () => {
  it('shows a staff comment from the desk page in the employee chat, live', async () => {
    expect(
      await staffPost(`/desk/browse/${key}/comment`, { author: 'Kim', body: 'Please *restart* the VPN client.' }),
    ).toBe(303);
    await vi.waitFor(() => expect(heard.messages).toHaveLength(1), { timeout: 5000 });
    expect(heard.updates).toMatchObject([
      { key, kind: 'comment', comment: { author: 'Kim', text: 'Please restart the VPN client.' } },
    ]);
    expect(heard.messages[0]?.text).toBe(`IT (Kim) commented on ${key}: Please restart the VPN client.`);
  });

  it('announces a status change made on the desk page', async () => {
    heard.clear();
    expect(await staffPost(`/desk/browse/${key}/transition`, { to: 'Done' })).toBe(303);
    await vi.waitFor(() => expect(heard.messages).toHaveLength(1), { timeout: 5000 });
    expect(heard.updates).toMatchObject([{ key, kind: 'status', status: 'Done' }]);
    expect(heard.messages[0]?.text).toBe(`IT marked ${key} as Done — is everything working?`);
  });

  it("does not echo the bot's own comments back into the chat", async () => {
    heard.clear();
    const rest = await fetch(`${server.url}/desk/rest/api/2/issue/${key}/comment`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ body: 'Details from the employee: error 0x80070005' }),
    });
    expect(rest.status).toBe(201);
    expect(await staffPost(`/desk/browse/${key}/comment`, { author: 'Kim', body: 'Thanks, got it.' })).toBe(303);
    await vi.waitFor(() => expect(heard.updates).toHaveLength(1), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 200));
    expect(heard.updates.map((u) => u.comment?.text)).toEqual(['Thanks, got it.']);
  });

  it('refuses an unsigned delivery even with zero configuration', async () => {
    const body = loadFixture('comment-created-wiki', (p) => {
      p['issue']['key'] = key;
    });
    expect(await deliver(server.url, body, { signature: null })).toEqual({ status: 401, text: '' });
    expect(await deliver(server.url, body, { secret: TEST_DESK_TOKEN })).toEqual({ status: 401, text: '' });
  });
});
