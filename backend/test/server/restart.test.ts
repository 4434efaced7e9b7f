import { afterEach, describe, expect, it } from 'vitest';
import { connect, isOffer, say, startTestServer, type ClientSocket } from '../support/test-server.js';

describe('backend restart', () => {
  let server: Awaited<ReturnType<typeof startTestServer>> | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.close());
    await server?.close();
  });

  it('keeps the conversation and the pending offer across a restart on the same DATA_DIR', async () => {
    server = await startTestServer();
    const dataDir = server.dataDir;
    const first = await connect(server.url);
    sockets.push(first.socket);
    let reply = await say(first.socket, 'Outlook cannot send email');
    const historyBefore: string[] = [];
    for (let i = 0; i < 8 && !isOffer(reply); i++) reply = await say(first.socket, 'still not working');
    expect(isOffer(reply)).toBe(true);
    historyBefore.push(...(await collectHistory(first.session.sessionToken, server.url)));
    first.socket.close();
    await server.close();

    server = await startTestServer(dataDir);
    const second = await connect(server.url, { sessionToken: first.session.sessionToken });
    sockets.push(second.socket);
    expect(second.session.conversationId).toBe(first.session.conversationId);
    expect(second.session.messages.map((m) => m.text)).toEqual(historyBefore);
    expect(isOffer(second.session.messages.at(-1)!)).toBe(true);

    // The offer is still pending in the checkpoint: confirming it creates the ticket.
    const answer = await say(second.socket, 'Yes, create a ticket');
    expect(answer.ticket?.key).toMatch(/^IT-\d+$/);
    expect(answer.text).toContain(`/desk/browse/${answer.ticket!.key}`);
  });
});

async function collectHistory(sessionToken: string, url: string): Promise<string[]> {
  const probe = await connect(url, { sessionToken });
  probe.socket.close();
  return probe.session.messages.map((m) => m.text);
}
