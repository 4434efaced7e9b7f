import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { deliver, recordUpdates } from './deliver.js';
import { loadFixture } from './fixtures.js';
import { connect, say, startTestServer, type ClientSocket } from '../support/test-server.js';

const SECRET = 'jira-webhook-secret-for-tests-japanese-0123';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer(undefined, { JIRA_WEBHOOK_SECRET: SECRET });
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.close();
});

async function ticketIn(language: 'en' | 'ja'): Promise<{ socket: ClientSocket; key: string }> {
  const { socket } = await connect(server.url, {
    user: { name: 'Yui Kato', email: `yui.kato.${language}.${Date.now()}@example.com` },
  });
  sockets.push(socket);
  const turns =
    language === 'ja'
      ? ['印刷が止まったままです', 'チケットを作成してください', 'はい、お願いします']
      : ['The printer on floor 2 prints blank pages', 'please create a ticket', 'yes please'];
  let key = '';
  for (const text of turns) key = (await say(socket, text)).ticket?.key ?? key;
  if (!key) throw new Error('no ticket was created');
  return { socket, key };
}

const send = (payload: unknown) => deliver(server.url, payload, { secret: SECRET });

describe("IT's updates in the conversation's language", () => {
  it('tells a Japanese employee about a comment and a status change in Japanese', async () => {
    const { socket, key } = await ticketIn('ja');
    const heard = recordUpdates(socket);
    await send(loadFixture('comment-created-wiki', (p) => (p['issue']['key'] = key)));
    await send(loadFixture('issue-updated-status', (p) => (p['issue']['key'] = key)));
    await vi.waitFor(() => expect(heard.messages).toHaveLength(2));
    const [comment, status] = heard.messages.map((m) => m.text);
    expect(comment).toMatch(new RegExp(`^IT（Dana Lee）が ${key} にコメントしました：`));
    expect(status).toBe(`IT が ${key} を「完了」にしました。問題なく使えていますか？`);
  });

  it('keeps English for an English conversation', async () => {
    const { socket, key } = await ticketIn('en');
    const heard = recordUpdates(socket);
    await send(loadFixture('issue-updated-status', (p) => (p['issue']['key'] = key)));
    await vi.waitFor(() => expect(heard.messages).toHaveLength(1));
    expect(heard.messages[0]?.text).toBe(`IT marked ${key} as Done — is everything working?`);
  });
});
