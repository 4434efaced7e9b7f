/**
 * The shared sample files, end to end through the socket interface: real server, real agent,
 * real MCP to the local desk. Categories are read back from the created tickets' labels, and
 * confirmations are judged by whether a ticket exists afterwards.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSampleLines, sharedOriginal } from '../agent/samples.js';
import { connect, deskGet, isOffer, say, startTestServer } from '../support/test-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));

function samples<T>(name: string, fixture: string): T[] {
  const shared = sharedOriginal(name);
  if (shared !== undefined)
    return shared
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as T);
  return readSampleLines<T>(path.join(here, fixture));
}

const openers = samples<{ text: string; accept: string[] }>(
  'category-openers.jsonl',
  '../knowledge/fixtures/category-openers.jsonl',
);
const replies = samples<{ text: string; expect: 'ticket' | 'none' }>(
  'confirmation-replies.jsonl',
  '../agent/fixtures/confirmation-replies.jsonl',
);

/** One employee per sample: a second ticket of the same kind would be offered as "add to it". */
let employees = 0;
const newEmployee = () => ({ user: { name: 'Sam Sample', email: `sample-${++employees}@example.com` } });

describe('shared samples through the socket interface', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  async function labelsOf(key: string): Promise<string[]> {
    return (await deskGet<{ fields: { labels: string[] } }>(server.url, `issue/${key}`)).fields.labels;
  }

  it.each(openers)('routes "$text" to one of $accept', async ({ text, accept }) => {
    const { socket } = await connect(server.url, newEmployee());
    try {
      const first = await say(socket, text);
      // A problem IT must handle at once (damage, theft, a security incident) is offered at once.
      const offer = isOffer(first)
        ? first
        : await say(
            socket,
            text.match(/[\u3040-\u30ff\u4e00-\u9fff]/) ? 'チケットを作成してください' : 'create a ticket',
          );
      expect(isOffer(offer), offer.text).toBe(true);
      const done = await say(socket, offer.quickReplies![0]!);
      expect(done.ticket, done.text).toBeDefined();
      const labels = await labelsOf(done.ticket!.key);
      expect(labels).toContain('it-support-bot');
      expect(
        labels.filter((l) => accept.includes(l)),
        `labels ${labels.join(',')}`,
      ).toHaveLength(1);
    } finally {
      socket.close();
    }
  });

  it.each(replies)('answers the offer with "$text" → $expect', async ({ text, expect: expected }) => {
    const { socket, session } = await connect(server.url, newEmployee());
    const created: string[] = [];
    socket.on('ticket:created', (t) => created.push(t.key));
    try {
      await say(socket, 'Teams is not working');
      expect(isOffer(await say(socket, 'please create a ticket'))).toBe(true);
      const reply = await say(socket, text);
      expect(created, reply.text).toHaveLength(expected === 'ticket' ? 1 : 0);
      expect(Boolean(reply.ticket)).toBe(expected === 'ticket');
      if (expected === 'none') {
        const again = await connect(server.url, { sessionToken: session.sessionToken });
        again.socket.close();
        expect(again.session.tickets).toEqual([]);
      }
    } finally {
      socket.close();
    }
  });
});
