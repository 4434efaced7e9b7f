import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply } from '../../src/chat/ports.js';
import { BOT_COMMENT_MARKER } from '../../src/domain/index.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, withOpenTickets, type FakeTickets, type OpenTicketsFake } from './fake-tickets.js';

const VPN_OPENER = 'My VPN (GlobalProtect) does not connect from the hotel';
const IT12 = {
  key: 'IT-12',
  url: 'https://desk.example/browse/IT-12',
  summary: 'VPN: does not connect after the password change on my Windows laptop',
  status: 'In Progress',
};
const OPEN_REPLIES = ['Add to IT-12', 'Create a new ticket', 'No, thanks'];

const createAgent = useOfflineAgents('open-ticket-');
let tickets: FakeTickets;
let open: OpenTicketsFake;

beforeEach(() => {
  tickets = createFakeTickets();
  open = withOpenTickets(tickets);
  open.open.push({ email: user.email, category: 'vpn', ticket: IT12 });
});

async function chatWith(conversationId = 'conv-2', who = user) {
  const agent = await createAgent({ tickets, openTicketLookupMs: 100 });
  return (text: string): Promise<AgentReply> =>
    agent.reply({ conversationId, text, user: who, owner: who.email, messageId: crypto.randomUUID() });
}

/** A VPN problem, one round of steps that did not help, then the request for a ticket. */
async function offerFor(say: (text: string) => Promise<AgentReply>, opener = VPN_OPENER): Promise<AgentReply> {
  await say(opener);
  await say('still not working');
  return say('create a ticket');
}

describe('an offer when the employee already has an open ticket of the same kind', () => {
  it('offers to add to the open ticket, and adds one comment with the new report on "Add to IT-12"', async () => {
    const say = await chatWith();
    const offer = await offerFor(say);
    expect(open.lookups).toEqual([{ email: user.email, category: 'vpn' }]);
    expect(offer.text).toContain('You already have **IT-12** open for a VPN problem');
    expect(offer.text).toContain('status In Progress');
    expect(offer.text).toContain('https://desk.example/browse/IT-12');
    expect(offer.text).toContain('Shall I add what we tried today to it, or open a new ticket?');
    expect(offer.quickReplies).toEqual(OPEN_REPLIES);

    const added = await say('Add to IT-12');
    expect(tickets.calls).toHaveLength(0);
    expect(open.comments).toHaveLength(1);
    const { key, markdown } = open.comments[0]!;
    expect(key).toBe('IT-12');
    expect(markdown).toContain(`> ${VPN_OPENER}`);
    expect(markdown).toContain('conv-2');
    expect(markdown).toContain('**did not help** (employee: "still not working")');
    expect(markdown.trim().endsWith(`_${BOT_COMMENT_MARKER}_`)).toBe(true);
    expect(added.text).toContain('**IT-12**');
    expect(added.text).toContain('https://desk.example/browse/IT-12');
    // The ticket is not new: no card, so the chat does not announce it as created.
    expect(added.ticket).toBeUndefined();

    // Later, "yes" and "create a ticket" point at the ticket the problem went to.
    for (const text of ['yes', 'create a ticket']) {
      const reply = await say(text);
      expect(reply.text).toContain('IT-12');
    }
    expect(tickets.calls).toHaveLength(0);
    expect(open.comments).toHaveLength(1);
    expect(open.lookups).toHaveLength(1);
  });

  it.each(['yes', 'add it to that one please', 'sure, add to it'])('reads %j as "add to it"', async (answer) => {
    const say = await chatWith();
    await offerFor(say);
    await say(answer);
    expect(open.comments.map((c) => c.key)).toEqual(['IT-12']);
    expect(tickets.calls).toHaveLength(0);
  });

  it('creates a new ticket with the usual escalation id on "Create a new ticket"', async () => {
    const say = await chatWith();
    await offerFor(say);
    const done = await say('Create a new ticket');
    expect(open.comments).toEqual([]);
    expect(tickets.calls.map((c) => [c.options.escalationId, c.draft.category])).toEqual([['conv-2:1', 'vpn']]);
    expect(done.ticket?.key).toBe('IT-1');
  });

  it('writes nothing on "No, thanks", on "it works now", or while the reply is unclear', async () => {
    const say = await chatWith('conv-a');
    await offerFor(say);
    const unclear = await say('hmm');
    expect(unclear.text).toContain('**IT-12**');
    expect(unclear.quickReplies).toEqual(OPEN_REPLIES);
    const answered = await say('who will see it?');
    expect(answered.text).toContain('IT support queue');
    expect(answered.text).toContain('shall I add this to **IT-12**, or open a new ticket?');
    expect((await say('No, thanks')).text).toContain("won't create a ticket");
    // Asking again re-runs the interrupt node, never the look-up before it.
    expect(open.lookups).toHaveLength(1);

    const other = await chatWith('conv-b');
    await offerFor(other);
    expect((await other("It's working now")).text).toMatch(/glad it's working/i);
    expect(open.comments).toEqual([]);
    expect(tickets.calls).toEqual([]);
  });

  it('makes the usual offer for another category or another employee', async () => {
    const sayPrinter = await chatWith('conv-p');
    await sayPrinter('The printer on floor 3 shows a paper jam but there is no paper stuck');
    const printerOffer = await sayPrinter('create a ticket');
    expect(printerOffer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);

    const someoneElse = await chatWith('conv-ben', { name: 'Ben Ito', email: 'ben.ito@example.com' });
    const benOffer = await offerFor(someoneElse);
    expect(benOffer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(benOffer.text).not.toContain('IT-12');
  });

  it.each(['fail', 'hang'] as const)('offers a new ticket as today when the look-up does %s', async (mode) => {
    open.lookup = mode;
    const say = await chatWith();
    const offer = await offerFor(say);
    expect(offer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    await say('yes');
    expect(tickets.calls).toHaveLength(1);
  });

  it('says plainly when the comment fails and creates a new ticket when asked, nothing lost', async () => {
    open.failComments = 1;
    const say = await chatWith();
    await offerFor(say);
    const failed = await say('Add to IT-12');
    expect(failed.text).toContain("couldn't add this to **IT-12** right now");
    expect(failed.text).not.toMatch(/exploded|stack/);
    expect(failed.quickReplies).toEqual(['Create a new ticket', 'No, thanks']);
    expect(tickets.calls).toHaveLength(0);

    const created = await say('Create a new ticket');
    expect(tickets.calls.map((c) => c.options.escalationId)).toEqual(['conv-2:1']);
    expect(tickets.calls[0]!.draft.description).toContain(`> ${VPN_OPENER}`);
    expect(created.ticket?.key).toBe('IT-1');
  });

  it('asks and adds in Japanese', async () => {
    const say = await chatWith('conv-ja');
    await say('VPN に接続できません');
    const offer = await say('チケットを作成してください');
    expect(offer.quickReplies).toEqual(['IT-12 に追記', '新しいチケットを作成', 'いいえ、結構です']);
    expect(offer.text).toContain('**IT-12**');
    const added = await say('IT-12 に追記');
    expect(added.text).toContain('**IT-12** に今回の内容と試した手順を追記しました');
    expect(open.comments).toHaveLength(1);
  });
});
