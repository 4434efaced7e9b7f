import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { DeskIssue } from '../../src/desk/desk-types.js';
import { BOT_COMMENT_MARKER } from '../../src/domain/index.js';
import {
  TEST_DESK_TOKEN,
  connect,
  createTicketThroughChat,
  deskGet,
  employee,
  nextAssistantMessage,
  say,
  startTestServer,
  type ClientSocket,
} from '../support/test-server.js';
import { recordUpdates } from './deliver.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const sockets: ClientSocket[] = [];

async function withTicket(user = employee, opener = 'Teams is not working') {
  const { socket } = await connect(server.url, { user });
  sockets.push(socket);
  return { socket, key: await createTicketThroughChat(socket, opener) };
}

const deskIssue = (key: string) =>
  deskGet<DeskIssue & { fields: { comment: { comments: { body: string }[] } } }>(server.url, `issue/${key}`);

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  sockets.forEach((s) => s.close());
  await server.close();
});

describe('from the employee to Jira', () => {
  it('answers "what is the status of my ticket?" from Jira, with the link, and sees a change made there', async () => {
    const { socket, key } = await withTicket();
    const before = await say(socket, "What's the status of my ticket?");
    expect(before.text).toContain(`**${key}**`);
    expect(before.text).toContain('**To Do**');
    expect(before.text).toContain(`/desk/browse/${key}`);

    await fetch(`${server.url}/desk/rest/api/2/issue/${key}/transitions`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${TEST_DESK_TOKEN}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ transition: { id: '21' } }),
    });
    // The desk's webhook announces the change first; then the employee asks.
    expect((await nextAssistantMessage(socket)).text).toContain('In Progress');
    const after = await say(socket, 'any update on my ticket?');
    expect(after.text).toContain('**In Progress**');
  });

  it('lists "my tickets" in a new conversation, found by the employee in Jira', async () => {
    const someone = { name: 'Ben Ito', email: 'ben.ito@example.com' };
    const { socket, key } = await withTicket(someone, 'The printer on floor 3 is jammed');
    await socket.emitWithAck('conversation:new', {});
    const reply = await say(socket, 'my tickets');
    expect(reply.text).toContain(key);
    expect(reply.text).toContain(`/desk/browse/${key}`);
    expect(reply.text).not.toContain('Aiko');
  });

  it('adds details to the ticket after asking once, and does not echo them back', async () => {
    const user = { name: 'Chika Mori', email: 'chika.mori@example.com' };
    const { socket, key } = await withTicket(user, 'My VPN keeps disconnecting');
    const heard = recordUpdates(socket);

    const question = await say(socket, 'here is the error code: 0x80070005');
    expect(question.text).toBe(`Shall I add this to **${key}** as a comment, so IT sees it?`);
    expect(question.quickReplies).toEqual(['Yes, add it', 'No, thanks']);
    expect((await say(socket, 'Yes, add it')).text).toBe(`Added to **${key}**. IT will see it with the ticket.`);

    const second = await say(socket, 'It also happens on the office wifi since Monday');
    expect(second.text).toBe(`I added that to **${key}** as well.`);

    const comments = (await deskIssue(key)).fields.comment.comments.map((c) => c.body);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toContain('> here is the error code: 0x80070005');
    expect(comments[0]).toContain('Chika Mori');
    expect(comments[0]).toContain(BOT_COMMENT_MARKER);
    expect(comments[1]).toContain('> It also happens on the office wifi since Monday');

    // The desk sends webhooks for the bot's comments too, as Jira would; none reaches the chat.
    await new Promise((r) => setTimeout(r, 300));
    expect(heard.updates).toEqual([]);
  });

  it('adds nothing when the employee says no, and does not ask again', async () => {
    const user = { name: 'Dai Sato', email: 'dai.sato@example.com' };
    const { socket, key } = await withTicket(user, 'Outlook does not receive email');
    expect((await say(socket, 'the error says 0x800CCC0E')).text).toContain('Shall I add this');
    expect((await say(socket, 'No, thanks')).text).toBe(`OK, I won't add it to **${key}**.`);
    const again = await say(socket, 'it also shows error 0x800CCC0F since today');
    expect(again.text).not.toContain('Shall I add this');
    expect(again.text).toContain(key);
    await vi.waitFor(async () => expect((await deskIssue(key)).fields.comment.comments).toEqual([]));
  });
});
