import { beforeEach, describe, expect, it } from 'vitest';
import type { AgentReply } from '../../src/chat/ports.js';
import { useOfflineAgents, user } from './agent-harness.js';
import { createFakeTickets, type FakeTickets } from './fake-tickets.js';

const createAgent = useOfflineAgents('ticket-priority-');
let tickets: FakeTickets;

beforeEach(() => {
  tickets = createFakeTickets();
});

async function talk(turns: string[]): Promise<AgentReply[]> {
  const agent = await createAgent({ tickets });
  const replies: AgentReply[] = [];
  for (const text of turns)
    replies.push(
      await agent.reply({ conversationId: 'conv-p', text, user, owner: user.email, messageId: crypto.randomUUID() }),
    );
  return replies;
}

/** Product names, ticket keys and the playbook's own English names are allowed in Japanese text. */
const withoutNames = (text: string) =>
  text.replace(/\b(?:IT|PC|Teams|Outlook|OneDrive|Wi-Fi|VPN|MFA|Windows|macOS|Jira|IT-\d+)\b|https?:\S+/g, '');

describe('priority from what the employee said, stated in the offer and the ticket', () => {
  it('gives High to a printer the whole department cannot use, in Japanese, with the reason', async () => {
    const [, offer] = await talk([
      '部署全員のPCから共有プリンターに印刷できません。本日中に直してほしいです',
      'チケットを作成してください',
      'はい、お願いします',
    ]);
    expect(offer?.text).toContain('**優先度:** 高（複数の方に影響）');
    expect(withoutNames(offer?.text ?? '')).not.toMatch(/\b(?:High|Medium|Summary|Priority|Category)\b/);
    const draft = tickets.calls[0]!.draft;
    expect(draft.priority).toBe('High');
    expect(draft.summary).toMatch(/^プリンター：/);
    expect(draft.description).toContain('**優先度:** 高 (High) — 複数人に影響：「部署全員」');
    expect(draft.description).toContain('- 影響範囲: 部署全員');
    expect(draft.description).toContain('- 期限・会議: 本日中');
  });

  it('gives Highest when the whole company is down', async () => {
    await talk(['email is down for the entire company, nobody can send or receive', 'create a ticket', 'yes']);
    const draft = tickets.calls[0]!.draft;
    expect(draft.priority).toBe('Highest');
    expect(draft.description).toContain('**Priority:** Highest — the company or a whole office is affected');
  });

  it('gives Low when the employee says there is no rush, and says why in the offer', async () => {
    const [, offer] = await talk([
      "the 'Z' key on my laptop keyboard is a bit sticky, no rush at all",
      'can you log a ticket for a replacement',
      'yes thanks',
    ]);
    expect(offer?.text).toContain("**Priority:** Low (you said there's no rush)");
    expect(tickets.calls[0]!.draft.priority).toBe('Low');
  });

  it('raises the priority from a later message, e.g. a meeting mentioned after the steps', async () => {
    await talk([
      "my webcam isn't detected in Teams",
      'still nothing, and I have a client demo at 11',
      'please create a ticket',
      'yes',
    ]);
    const draft = tickets.calls[0]!.draft;
    expect(draft.priority).toBe('High');
    expect(draft.description).toContain('a customer or executive meeting: "client demo"');
    expect(draft.description).toContain("> my webcam isn't detected in Teams");
  });

  it('writes an English ticket with an article that fits the category', async () => {
    const [first] = await talk(['Outlook keeps asking for my password since the update']);
    expect(first?.text).toContain('This looks like an email problem');
  });
});
