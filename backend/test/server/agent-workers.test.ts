/**
 * The service with its agent on worker threads (AGENT_WORKERS=2), end to end through a socket:
 * the same conversations get the same replies and tickets as with the agent on the main thread,
 * including a pending offer confirmed after the turn that made it ran on another worker.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatMessage } from '../../src/contract/index.js';
import { connect, deskSearch, isOffer, say, startTestServer, type ClientSocket } from '../support/test-server.js';

/** Opener, what the employee says while troubleshooting, and the confirmation. */
const scripts = [
  ['Teams shows a white screen when I start it on my laptop', 'still not working', 'yes please'],
  ['VPNに繋がらない、朝からずっと', 'だめでした', 'お願いします'],
  ['my mouse is broken, need a new one asap', 'still broken', 'yes'],
];

let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
const sockets: ClientSocket[] = [];
afterEach(async () => {
  sockets.splice(0).forEach((s) => s.close());
  await server?.close();
  server = undefined;
});

/** Every reply of every script, the scripts run side by side (one employee each). */
async function converse(workers: string) {
  server = await startTestServer(undefined, { AGENT_WORKERS: workers });
  const url = server.url;
  const transcripts = await Promise.all(
    scripts.map(async (script, i) => {
      const { socket } = await connect(url, { user: { name: `Employee ${i}`, email: `e${i}@example.com` } });
      sockets.push(socket);
      const [opener, notYet, yes] = script as [string, string, string];
      const replies: string[] = [];
      const heard = (reply: ChatMessage) => {
        const text = `${reply.text} ${(reply.quickReplies ?? []).join('/')}`;
        replies.push(text.replace(/localhost:\d+/g, 'desk').replace(/IT-\d+/g, 'IT-#'));
        return reply;
      };
      let reply = heard(await say(socket, opener));
      for (let turn = 0; turn < 8 && !isOffer(reply); turn++) reply = heard(await say(socket, notYet));
      heard(await say(socket, yes));
      return replies;
    }),
  );
  const issues = (await deskSearch(url, 'project = IT')).issues.length;
  sockets.splice(0).forEach((s) => s.close());
  await server.close();
  server = undefined;
  return { transcripts, issues };
}

describe('agent turns on worker threads', () => {
  it('give the same conversations and tickets as on the main thread', async () => {
    const onMain = await converse('0');
    const onWorkers = await converse('2');
    expect(onWorkers).toEqual(onMain);
    expect(onWorkers.issues).toBe(scripts.length);
    expect(onWorkers.transcripts.every((replies) => replies.at(-1)?.includes('IT-#'))).toBe(true);
  }, 60_000);
});
