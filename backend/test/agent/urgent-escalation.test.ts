import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply, SupportAgent } from '../../src/chat/ports.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, type FakeTickets } from './fake-tickets.js';
import type { Playbook } from '../../src/knowledge/ports.js';
import { urgentIntro } from '../../src/agent/urgent-messages.js';

const createAgent = useOfflineAgents('urgent-escalation-');
let tickets: FakeTickets;
/** One agent per test, shared by its conversations. */
let agent: SupportAgent | undefined;

beforeEach(() => {
  tickets = createFakeTickets();
  agent = undefined;
});

async function chat(conversationId = 'conv-u'): Promise<(text: string) => Promise<AgentReply>> {
  const created = agent ?? (await createAgent({ tickets }));
  agent = created;
  return (text) => created.reply({ conversationId, text, user, owner: user.email, messageId: crypto.randomUUID() });
}

describe('problems IT must handle at once', () => {
  it('offers the ticket in the first reply for liquid damage, with a safety step and priority High', async () => {
    const say = await chat();
    const first = await say("I spilled coffee on my laptop and it won't turn on");
    expect(first.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(first.text).toContain("please don't try to fix it yourself — IT has to handle it");
    expect(first.text).toContain('unplug the charger');
    expect(first.text).toContain('**Priority:** High');
    expect(first.text).not.toMatch(/^1\. /m);
    const done = await say('yes');
    expect(done.ticket?.key).toBe('IT-1');
    expect(tickets.calls[0]!.draft.priority).toBe('High');
  });

  // Issue 9: a security incident has its own category, and the offer gives the security
  // playbook's own first steps instead of a fixed note that contradicted them.
  it("gives Highest to a security incident, in Japanese, with the playbook's first steps", async () => {
    const say = await chat();
    const first = await say('不審なメールのリンクをクリックしてしまいました');
    expect(first.quickReplies).toEqual(['はい、チケットを作成', 'いいえ、結構です', '直りました']);
    expect(first.text).toContain('すぐに IT の対応が必要です');
    expect(first.text).toContain('1. 信頼できる端末から、今すぐ会社のパスワードを変更してください');
    expect(first.text).toContain('2. 自分で開始していないサインインや MFA の要求は承認せず');
    expect(first.text).toContain('**優先度:**');
    await say('はい');
    expect(tickets.calls[0]!.draft.priority).toBe('Highest');
    expect(tickets.calls[0]!.draft.category).toBe('security');
  });

  it('opens malware with "disconnect, do not shut down" from its playbook', async () => {
    const say = await chat();
    const first = await say("files on my desktop got renamed to .encrypted and there's a ransom note");
    expect(first.text).toContain('1. Disconnect the computer from the network now');
    expect(first.text).toContain('2. Do not pay any ransom');
    expect(first.quickReplies?.[0]).toBe('Yes, create a ticket');
  });

  it('treats a security playbook found by retrieval as the incident itself, typos and all', async () => {
    const say = await chat();
    const first = await say('i clikced a link in a phising email and typed my pasword');
    expect(first.quickReplies).toEqual(['Yes, create a ticket', 'No, thanks', "It's working now"]);
    expect(first.text).toContain('This is a security incident');
    expect(first.text).toContain('1. From a trusted device, change your work password now');
    await say('yes');
    expect(tickets.calls[0]!.draft.priority).toBe('Highest');
    expect(tickets.calls[0]!.draft.category).toBe('security');
  });

  it('opens any other playbook marked urgent_escalation with its first step as the one safety step', () => {
    const playbook = { steps: ['Tell IT now.', 'Wait.'], stepsJa: ['今すぐ IT に連絡してください。', '待ちます。'] };
    const en = urgentIntro('playbook', 'en', playbook as unknown as Playbook);
    expect(en).toBe(
      'This needs IT right away, so I will not walk you through troubleshooting. First, one thing to do now: Tell IT now.',
    );
    expect(urgentIntro('playbook', 'ja', playbook as unknown as Playbook)).toContain('今すぐ IT に連絡してください。');
  });

  it('gives reporting guidance, not an urgent offer, for a suspicious email nobody acted on', async () => {
    const say = await chat();
    const first = await say('I got a suspicious email asking me to confirm my payroll details');
    expect(first.quickReplies).toEqual(['I clicked a link', 'I opened an attachment', 'Thanks']);
    expect(first.text).toContain('Report phishing');
    expect(first.text).not.toContain('Shall I create the ticket?');
    const acted = await say('I clicked a link');
    expect(acted.quickReplies?.[0]).toBe('Yes, create a ticket');
    expect(acted.text).toContain('This is a security incident');
    expect(tickets.calls).toHaveLength(0);
  });

  it('troubleshoots as usual when the damage is negated', async () => {
    const say = await chat();
    const first = await say('My laptop screen is too dim, the screen is not cracked');
    expect(first.quickReplies).toEqual(['That fixed it', 'Still not working', 'Create a ticket']);
    expect(first.text).toMatch(/^1\. /m);
    const ja = await (await chat('conv-ja'))('画面は割れていませんが、暗くて見づらいです');
    expect(ja.quickReplies).toEqual(['直りました', 'まだ直りません', 'チケットを作成']);
    expect(ja.text).toContain('プレイブック *ノートパソコンの画面が暗い');
    expect(tickets.calls).toHaveLength(0);
  });
});
