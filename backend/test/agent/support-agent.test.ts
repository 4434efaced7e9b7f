import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply, SupportAgent } from '../../src/chat/ports.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, type FakeTickets } from './fake-tickets.js';
import { readSampleLines } from './samples.js';

const OPENER = 'Teams shows a white screen on startup on my Windows laptop';

const createAgent = useOfflineAgents('support-agent-');
let tickets: FakeTickets;

beforeEach(() => {
  tickets = createFakeTickets();
});

const newAgent = (): Promise<SupportAgent> => createAgent({ tickets });

function chat(agent: SupportAgent, conversationId = 'conv-1') {
  return (text: string): Promise<AgentReply> =>
    agent.reply({ conversationId, text, user, owner: user.email, messageId: crypto.randomUUID() });
}

/** Opener, then "still not working" until the offer's quick replies appear. */
async function reachOffer(say: (text: string) => Promise<AgentReply>, opener = OPENER): Promise<AgentReply> {
  let reply = await say(opener);
  for (let i = 0; i < 6 && !reply.quickReplies?.includes('Yes, create a ticket'); i++) {
    reply = await say('still not working');
  }
  return reply;
}

describe('createSupportAgent', () => {
  it('troubleshoots Teams from the playbook, offers a ticket and creates exactly one on "yes"', async () => {
    const say = chat(await newAgent());
    const first = await say(OPENER);
    expect(first.text).toContain("From the playbook *Teams won't start or shows a blank window*");
    expect(first.text).toMatch(/1\. .*\n2\. .*\n3\. /);
    expect(first.quickReplies).toEqual(['That fixed it', 'Still not working', 'Create a ticket']);

    const offer = await reachOffer(say);
    expect(offer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(offer.text).toContain('Teams: white screen on startup (Windows laptop)');
    expect(tickets.calls).toHaveLength(0);

    const done = await say('yes');
    expect(tickets.calls).toHaveLength(1);
    const call = tickets.calls[0]!;
    expect(call.options).toMatchObject({ escalationId: 'conv-1:1', conversationId: 'conv-1' });
    expect(call.draft.category).toBe('teams');
    expect(call.draft.description).toContain(`> ${OPENER}`);
    expect(call.draft.description).toContain('Clear the Teams cache');
    expect(call.draft.description).toContain('**did not help** (employee: "still not working")');
    expect(done.ticket).toEqual({
      key: 'IT-1',
      url: 'https://desk.example/browse/IT-1',
      summary: call.draft.summary,
      status: 'Open',
    });
    expect(done.text).toContain('IT-1');
    expect(done.text).toContain('https://desk.example/browse/IT-1');

    const again = await say('yes');
    const request = await say('create a ticket');
    expect(tickets.calls).toHaveLength(1);
    for (const reply of [again, request]) {
      expect(reply.text).toContain('IT-1');
      expect(reply.ticket).toBeUndefined();
    }
  });

  it('offers at once when the employee asks for a ticket, and answers in the offer what the ticket will contain', async () => {
    const say = chat(await newAgent());
    await say('My VPN (GlobalProtect) does not connect, urgent');
    const offer = await say('can I talk to a human?');
    expect(offer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(offer.text).toContain('**Category:** VPN');
    expect(offer.text).toContain('**Priority:** High');
    expect(offer.text).toContain('**Steps tried:** 3');
  });

  it('resumes the pending offer with the next message instead of starting over', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    // Without a resume this text would be read as a new problem description.
    const reply = await say('Sounds good, open it');
    expect(tickets.calls).toHaveLength(1);
    expect(reply.ticket?.key).toBe('IT-1');
  });

  it('continues at the offer after the agent is closed and re-created on the same checkpoint file', async () => {
    const first = await newAgent();
    await reachOffer(chat(first));
    await first.close?.();

    const second = await newAgent();
    const reply = await chat(second)('yes please do');
    expect(tickets.calls).toHaveLength(1);
    expect(tickets.calls[0]!.draft.description).toContain(`> ${OPENER}`);
    expect(reply.ticket?.key).toBe('IT-1');
  });

  it('creates nothing when the employee declines, and creates it with the same escalation id on a change of mind', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    const declined = await say("No, don't bother");
    expect(declined.text).toContain("won't create a ticket");
    expect(tickets.calls).toHaveLength(0);

    // The offer was shown already; "create a ticket" after the decline is the change of mind it invited.
    const created = await say('create a ticket');
    expect(created.ticket?.key).toBe('IT-1');
    expect(tickets.calls.map((c) => c.options.escalationId)).toEqual(['conv-1:1']);
  });

  it('closes kindly when it works now, without a ticket', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    const reply = await say('yes that fixed it');
    expect(reply.text).toMatch(/glad it's working/i);
    expect(reply.quickReplies).toBeUndefined();
    expect(tickets.calls).toHaveLength(0);
  });

  it('closes during troubleshooting when a step fixed it', async () => {
    const say = chat(await newAgent());
    await say(OPENER);
    const reply = await say('That fixed it');
    expect(reply.text).toMatch(/glad it's working/i);
    expect(tickets.calls).toHaveLength(0);
  });

  it('answers a question about the ticket and asks again without creating one', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    const answer = await say('who will see the ticket?');
    expect(answer.text).toContain('IT support queue');
    expect(answer.text).toContain('shall I create the ticket?');
    expect(answer.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    const unclear = await say('let me think');
    expect(unclear.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(tickets.calls).toHaveLength(0);
    await say('ok go');
    expect(tickets.calls).toHaveLength(1);
  });

  it('says plainly when the ticket cannot be created and retries with the same escalation id', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    tickets.failNext = 1;
    const failed = await say('yes');
    expect(failed.text).toContain('could not create the ticket right now');
    expect(failed.text).toContain('create a ticket');
    expect(failed.text).not.toMatch(/stack|exploded/);
    expect(failed.ticket).toBeUndefined();

    const retried = await say('create a ticket');
    expect(tickets.calls.map((c) => c.options.escalationId)).toEqual(['conv-1:1', 'conv-1:1']);
    expect(retried.ticket?.key).toBe('IT-1');
  });

  it('starts a new round with a new category and a new escalation id for an unrelated problem', async () => {
    const say = chat(await newAgent());
    await reachOffer(say);
    await say('yes');
    const vpn = await say('Cisco AnyConnect fails to connect from home');
    expect(vpn.text).toContain('VPN');
    expect(vpn.quickReplies).toEqual(['That fixed it', 'Still not working', 'Create a ticket']);
    await say('create a ticket');
    await say('yes');
    expect(tickets.calls.map((c) => [c.options.escalationId, c.draft.category])).toEqual([
      ['conv-1:1', 'teams'],
      ['conv-1:2', 'vpn'],
    ]);
    // Issue 9: every ticket carries the conversation's first message and the transcript from it;
    // the second problem's own words lead, and the transcript marks where it starts.
    const second = tickets.calls[1]!.draft.description;
    expect(second).toMatch(/### The employee's own words\n> Cisco AnyConnect fails to connect from home/);
    expect(second).toContain(`### How the conversation began\n> ${OPENER}`);
    expect(second).toMatch(/\(this problem starts here\)\n- \S+ \*\*Employee:\*\* Cisco AnyConnect/);
  });

  it('speaks Japanese to a Japanese opener, citing the playbook by its Japanese title', async () => {
    const say = chat(await newAgent());
    const first = await say('印刷が止まったままです');
    expect(first.text).toContain('プレイブック *印刷が止まっている、または何も出てこない* から');
    expect(first.text).not.toContain('Printing is stuck');
    expect(first.quickReplies).toEqual(['直りました', 'まだ直りません', 'チケットを作成']);
    const offer = await say('チケットを作成');
    expect(offer.quickReplies).toEqual(['はい、チケットを作成', 'いいえ、結構です', '直りました']);
    expect(offer.text).toContain('（*印刷が止まっている、または何も出てこない*）');
    expect(offer.text).toContain('チケットを作成しますか？');
    const done = await say('はい');
    expect(done.text).toContain('チケット **IT-1** を作成しました');
    expect(tickets.calls[0]!.draft.category).toBe('printer');
    // The ticket is for IT staff: it keeps the English title.
    expect(tickets.calls[0]!.draft.description).toContain('*Printing is stuck or nothing comes out*');
  });

  it('greets and asks for a description before any problem is known', async () => {
    const say = chat(await newAgent());
    const hello = await say('hi');
    expect(hello.text).toContain('Tell me what isn');
    const ticket = await say('create a ticket');
    expect(ticket.text).toContain('first tell me what is wrong');
    expect(tickets.calls).toHaveLength(0);
  });

  it('sends an offline reply whole: nothing is streamed that no model streamed', async () => {
    const agent = await newAgent();
    const pieces: string[] = [];
    const reply = await agent.reply(
      {
        conversationId: 'conv-s',
        text: 'Teamsの通知が来ません',
        user,
        owner: user.email,
        messageId: crypto.randomUUID(),
      },
      { onToken: (d) => pieces.push(d) },
    );
    expect(reply.text).toContain('Teams');
    expect(pieces).toEqual([]);
  });
});

describe('confirmation samples through the graph', () => {
  const fixture = fileURLToPath(new URL('fixtures/confirmation-replies.jsonl', import.meta.url));
  const samples = readSampleLines<{ text: string; expect: 'ticket' | 'none' }>(fixture);

  it('turns each sample reply to the offer into a ticket or none, as expected', async () => {
    const agent = await newAgent();
    const outcomes: string[] = [];
    for (const [i, sample] of samples.entries()) {
      const say = chat(agent, `sample-${i}`);
      await say(OPENER);
      const offer = await say('create a ticket');
      expect(offer.quickReplies).toContain('Yes, create a ticket');
      const before = tickets.calls.length;
      const reply = await say(sample.text);
      const made = tickets.calls.length - before;
      outcomes.push(`${sample.text} → ${made === 1 ? 'ticket' : 'none'}`);
      if (made === 1) expect(reply.ticket).toBeDefined();
    }
    expect(outcomes).toEqual(samples.map((s) => `${s.text} → ${s.expect}`));
  });
});
