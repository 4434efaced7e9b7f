/**
 * A problem IT must handle at once, end to end through the socket: the first reply is the ticket
 * offer, and "yes" creates a ticket whose priority the desk reports as High.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, deskGet, isOffer, say, startTestServer } from '../support/test-server.js';

describe('urgent problems through the socket interface', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server?.close();
  });

  it('offers a ticket at once for a spilled drink and creates it with priority High', async () => {
    const { socket } = await connect(server.url);
    try {
      const first = await say(socket, "I spilled coffee on my laptop and it won't turn on");
      expect(isOffer(first), first.text).toBe(true);
      expect(first.text).toContain('IT has to handle it');
      const done = await say(socket, 'yes');
      expect(done.ticket, done.text).toBeDefined();
      const issue = await deskGet<{ fields: { priority?: { name: string } } }>(server.url, `issue/${done.ticket!.key}`);
      expect(issue.fields.priority?.name).toBe('High');
    } finally {
      socket.close();
    }
  });
});
