/**
 * A problem IT must handle at once, end to end through the socket: the first reply is the ticket
 * offer, and "yes" creates a ticket whose priority the desk reports as High.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, isOffer, say, startTestServer, TEST_DESK_TOKEN } from '../support/test-server.js';

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
      const res = await fetch(`${server.url}/desk/rest/api/2/issue/${done.ticket!.key}`, {
        headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}` },
      });
      expect(res.status).toBe(200);
      const issue = (await res.json()) as { fields: { priority?: { name: string } } };
      expect(issue.fields.priority?.name).toBe('High');
    } finally {
      socket.close();
    }
  });
});
