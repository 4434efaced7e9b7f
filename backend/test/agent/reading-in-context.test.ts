/**
 * Replies read in context, through the offline agent: a second problem is asked about and kept,
 * a question about a step stays on the problem, a partial fix carries on with the open part,
 * a person is offered at once and never with the same sentence twice, a change of mind after a
 * decline creates the ticket, and conditions on consent reach the ticket as the employee's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply, SupportAgent } from '../../src/chat/ports.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, type FakeTickets } from './fake-tickets.js';

const createAgent = useOfflineAgents('reading-in-context-');
let tickets: FakeTickets;

beforeEach(() => {
  tickets = createFakeTickets();
});

async function conversation(): Promise<(text: string) => Promise<AgentReply>> {
  const agent: SupportAgent = await createAgent({ tickets });
  return (text) =>
    agent.reply({ conversationId: 'conv-ctx', text, user, owner: user.email, messageId: crypto.randomUUID() });
}

const isOffer = (r: AgentReply) => r.quickReplies?.some((q) => /^(?:Yes|はい)/.test(q)) ?? false;

describe('a second problem', () => {
  const OPENER = 'the HP printer on floor 3 prints every page with a grey streak';

  it('asks whether it is new, keeps the first, and opens the second when it is separate', async () => {
    const say = await conversation();
    await say(OPENER);
    const asked = await say('oh and separately my laptop battery dies within an hour now');
    expect(asked.text).toContain('Is this a new problem, or part of the printer one?');
    expect(isOffer(asked)).toBe(false);
    const opened = await say('a separate one');
    expect(opened.text).toMatch(/1\. /);
    expect(opened.text.toLowerCase()).toContain('hardware');
    await say('create a ticket');
    await say('yes');
    const draft = tickets.calls[0]!.draft;
    expect(draft.category).toBe('hardware');
    expect(draft.description).toContain('battery dies within an hour');
  });

  it('keeps the first problem in mind once the second one is fixed', async () => {
    const say = await conversation();
    await say(OPENER);
    await say('also my laptop keyboard has a few keys that do nothing');
    await say('new problem');
    const closed = await say('that did it, thanks');
    expect(closed.text).toContain('another problem earlier (printer)');
    expect(tickets.calls).toHaveLength(0);
  });

  it('keeps it with the open problem when it is part of it, and the ticket stays about the first', async () => {
    const say = await conversation();
    await say('Cisco AnyConnect drops the VPN every half hour when I work from home');
    const asked = await say('btw Outlook also keeps asking me for my password');
    expect(asked.text).toContain('part of the VPN one?');
    const kept = await say('probably the same thing');
    expect(kept.text).toContain('VPN problem');
    await say('none of it helped, please open a ticket');
    await say('yes please');
    const draft = tickets.calls[0]!.draft;
    expect(draft.category).toBe('vpn');
    expect(draft.description).toContain('every half hour');
  });

  it('reads a plain follow-up as feedback, never as another problem', async () => {
    const say = await conversation();
    const first = await say(OPENER);
    const playbook = /\*([^*]+)\*/.exec(first.text)?.[1] ?? '';
    const next = await say('cleared the queue like you said, still streaky');
    expect(next.text).not.toContain('new problem');
    expect(next.text).not.toBe(first.text);
    expect(next.text).toContain(`*${playbook}*`);
  });
});

describe('a question about a step', () => {
  it('shows the step again and stays on the same problem, recording nothing as tried', async () => {
    const say = await conversation();
    const first = await say('Outlook search shows no results even for mails from today');
    const again = await say("I can't find the option from step 2, where is it?");
    expect(again.text).toMatch(/here is step 2 again/i);
    expect(isOffer(again)).toBe(false);
    const step2 = /\n2\. ([^\n]+)/.exec(first.text)?.[1] ?? '';
    expect(again.text).toContain(step2);
    await say('create a ticket');
    await say('yes');
    expect(tickets.calls[0]!.draft.description).not.toContain('employee: "I can\'t find the option');
  });

  it('answers in Japanese and never repeats itself word for word', async () => {
    const say = await conversation();
    await say('Outlookでメールが送信できず、送信トレイに残ります');
    const once = await say('手順1の意味がよく分かりません');
    const twice = await say('手順1の意味がよく分かりません');
    expect(once.text).toContain('手順1をもう一度');
    expect(twice.text).not.toBe(once.text);
  });
});

describe('a partial fix', () => {
  it('acknowledges the fixed part and carries on with the open part', async () => {
    const say = await conversation();
    await say('Teams shows neither chats nor notifications since this morning');
    const next = await say('chats load now, but notifications still never pop up');
    expect(next.text).toContain('that part works again');
    expect(next.text).toContain('notifications still never pop up');
    expect(next.text).toMatch(/\d\. /);
  });
});

describe('a person, at any time', () => {
  it('offers at once from an opener that describes a problem and asks for someone', async () => {
    const say = await conversation();
    const offer = await say('Excel freezes whenever I open the budget workbook - could someone from IT call me?');
    expect(isOffer(offer)).toBe(true);
    expect(offer.text).toContain('contact you');
    await say('yes');
    expect(tickets.calls).toHaveLength(1);
  });

  it('answers a repeated request at the offer with a new sentence each time and creates nothing', async () => {
    const say = await conversation();
    await say('my second monitor stays black when docked');
    const offer = await say('can I just talk to a person?');
    const first = await say('I want a human');
    const second = await say('a real person please');
    expect([offer, first, second].every(isOffer)).toBe(true);
    expect(new Set([offer.text, first.text, second.text]).size).toBe(3);
    expect(tickets.calls).toHaveLength(0);
  });

  it('asks what it is about when nothing is known, in other words the second time', async () => {
    const say = await conversation();
    const first = await say('担当者と話したいです');
    const second = await say('人と話したいです');
    expect(isOffer(first)).toBe(false);
    expect(second.text).not.toBe(first.text);
    const offer = await say('VPNに接続できません。FortiClientでエラーになります');
    expect(isOffer(offer)).toBe(true);
  });
});

describe('consent, refusal and change of mind', () => {
  it('creates the ticket when the employee changes their mind after declining', async () => {
    const say = await conversation();
    await say('OneDrive stopped syncing, the icon shows a red cross');
    await say('please log a ticket');
    const declined = await say('hmm, no, not yet');
    expect(declined.ticket).toBeUndefined();
    const created = await say('actually, go ahead');
    expect(created.ticket?.key).toBe('IT-1');
    expect(tickets.calls).toHaveLength(1);
  });

  it('does the same in Japanese', async () => {
    const say = await conversation();
    await say('共有フォルダにアクセスできません');
    await say('チケットをお願いします');
    await say('やっぱりやめておきます');
    const created = await say('すみません、やっぱりお願いします');
    expect(created.ticket?.key).toBe('IT-1');
  });

  it('creates nothing on thanks without consent', async () => {
    const say = await conversation();
    await say('the conference room display in 5B shows no signal');
    await say('ticket please');
    const reply = await say('thanks, the facilities team already reported it');
    expect(reply.text).toContain("won't create another ticket");
    expect(tickets.calls).toHaveLength(0);
  });

  it('applies a priority condition and a note to the ticket, as the employee asked', async () => {
    const say = await conversation();
    await say('Power BI Desktop closes right after start');
    await say('open a ticket please');
    await say("sure, but mark it urgent - and add that I'm presenting to the board on Thursday");
    const draft = tickets.calls[0]!.draft;
    expect(draft.priority).toBe('High');
    expect(draft.description).toContain("I'm presenting to the board on Thursday");
  });

  it('acknowledges a condition without consent and asks again before creating anything', async () => {
    const say = await conversation();
    await say('Power BI Desktop closes right after start');
    await say('open a ticket please');
    const reply = await say('mark it as high priority');
    expect(isOffer(reply)).toBe(true);
    expect(reply.text).toContain('priority High');
    expect(tickets.calls).toHaveLength(0);
    await say('yes');
    expect(tickets.calls[0]!.draft.priority).toBe('High');
  });
});
