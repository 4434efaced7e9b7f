/**
 * "Add to the open ticket" end to end: real server, real agent, real MCP to the local desk,
 * checked in the desk's own REST API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_COMMENT_MARKER } from '../../src/domain/index.js';
import {
  connect,
  deskGet,
  deskSearch,
  isOffer,
  say,
  startTestServer,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';

const amy = { name: 'Amy Abe', email: 'amy.abe@example.com' };
const ben = { name: 'Ben Ito', email: 'ben.ito@example.com' };
const SECOND_VPN = 'GlobalProtect VPN does not connect from the hotel';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: ClientSocket[] = [];

const comments = async (key: string) =>
  (await deskGet<{ comments: { body: string }[] }>(server.url, `issue/${key}/comment`)).comments.map((c) => c.body);
const ticketCount = async () => (await deskSearch(server.url, 'project = IT')).total;

/** Amy's browser: her first session token; each later conversation is a `conversation:new` in it. */
let amyBrowser: string | undefined;

async function open(user: { name: string; email: string }) {
  const isAmy = user === amy;
  const { socket, session } = await connect(server.url, {
    user,
    ...(isAmy && amyBrowser ? { sessionToken: amyBrowser } : {}),
  });
  sockets.push(socket);
  if (isAmy && amyBrowser) await socket.emitWithAck('conversation:new', {});
  if (isAmy) amyBrowser ??= session.sessionToken;
  return socket;
}

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.close();
});

describe('an open ticket of the same kind, through the socket', () => {
  it('adds a second VPN problem to the open VPN ticket instead of making another', async () => {
    const first = await open(amy);
    await troubleshootUntilOffer(first, 'My VPN keeps disconnecting');
    expect((await say(first, 'Yes, create a ticket')).ticket?.key).toBe('IT-1');

    const second = await open(amy);
    await say(second, SECOND_VPN);
    const offer = await say(second, 'create a ticket');
    expect(offer.text).toContain('You already have **IT-1** open for a VPN problem');
    expect(offer.text).toContain('/desk/browse/IT-1');
    expect(offer.quickReplies).toEqual(['Add to IT-1', 'Create a new ticket', 'No, thanks']);

    const added = await say(second, 'Add to IT-1');
    expect(added.text).toContain('**IT-1**');
    expect(added.text).toContain('/desk/browse/IT-1');
    expect(added.ticket).toBeUndefined();

    const bodies = await comments('IT-1');
    expect(bodies).toHaveLength(1);
    expect(bodies[0]).toContain(SECOND_VPN);
    expect(bodies[0]).toContain('Amy Abe');
    expect(bodies[0]).toContain('Troubleshooting steps tried this time');
    expect(bodies[0]).toContain(BOT_COMMENT_MARKER);
    expect(await ticketCount()).toBe(1);
  });

  it('makes the usual offer to another employee and for another category', async () => {
    const other = await open(ben);
    await say(other, SECOND_VPN);
    const benOffer = await say(other, 'create a ticket');
    expect(isOffer(benOffer)).toBe(true);
    expect(benOffer.text).not.toContain('IT-1');
    await say(other, 'No, thanks');

    const printer = await open(amy);
    await say(printer, 'The printer on floor 3 is jammed');
    const printerOffer = await say(printer, 'create a ticket');
    expect(isOffer(printerOffer)).toBe(true);
    expect(printerOffer.text).not.toContain('IT-1');
    await say(printer, 'No, thanks');
    expect(await ticketCount()).toBe(1);
  });

  it('creates IT-2 when the employee asks for a new ticket instead', async () => {
    const third = await open(amy);
    await say(third, SECOND_VPN);
    expect((await say(third, 'create a ticket')).quickReplies).toContain('Add to IT-1');
    const created = await say(third, 'Create a new ticket');
    expect(created.ticket?.key).toBe('IT-2');
    expect(await ticketCount()).toBe(2);
    expect(await comments('IT-1')).toHaveLength(1);
  });
});
