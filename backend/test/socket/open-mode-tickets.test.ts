/**
 * Open mode is for trials (issue 10): anyone can type a colleague's name and email, so a
 * conversation sees and comments on only the tickets this browser's conversations created.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  connect,
  createTicketThroughChat,
  say,
  startTestServer,
  troubleshootUntilOffer,
} from '../support/test-server.js';

const alice = { name: 'Alice Mori', email: 'alice.mori@example.com' };
let server: Awaited<ReturnType<typeof startTestServer>>;
let key: string;
let aliceToken: string;

beforeAll(async () => {
  server = await startTestServer();
  const { socket, session } = await connect(server.url, { user: alice });
  aliceToken = session.sessionToken;
  key = await createTicketThroughChat(socket, 'The VPN disconnects every few minutes since this morning');
  socket.close();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('tickets in open mode', () => {
  it("lists the ticket in the same browser's next conversation", async () => {
    const { socket } = await connect(server.url, { user: alice, sessionToken: aliceToken });
    await socket.emitWithAck('conversation:new', {});
    const reply = await say(socket, 'what is the status of my tickets?');
    socket.close();
    expect(reply.text).toContain(key);
  });

  it("does not show it to someone who types Alice's name and email in another browser", async () => {
    const { socket } = await connect(server.url, { user: alice });
    const reply = await say(socket, 'what is the status of my tickets?');
    expect(reply.text).not.toContain(key);
    // Nor offers to add to it when the same kind of problem is reported there.
    const offer = await troubleshootUntilOffer(socket, 'vpn keeps dropping the connection all the time');
    socket.close();
    expect(offer.text).not.toContain(key);
  });
});
