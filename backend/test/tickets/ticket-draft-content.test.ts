import { describe, expect, it } from 'vitest';
import { buildSummary, buildTicketDraft, type TicketFacts } from '../../src/tickets/ticket-draft.js';

const base: TicketFacts = {
  reporter: { name: 'Ken Sato', email: 'ken.sato@example.com', key: 'ken.sato@example.com' },
  conversationId: 'conv-7',
  category: 'printer',
  priority: 'High',
  firstMessage: "the whole team can't print since the Windows update, error 0x80070005",
  symptom: "the whole team can't print since the Windows update, error 0x80070005",
  environment: {
    os: 'Windows',
    device: 'printer',
    model: 'HP LaserJet M479',
    errors: ['0x80070005', 'Paper Jam in tray 2'],
    since: 'since the Windows update',
    affected: 'the whole team',
    deadline: 'by noon',
  },
  stepsTried: [
    { step: 'Restart the printer.', outcome: 'not_fixed', note: 'restarted, no change' },
    { step: 'Clear the queue.', outcome: 'fixed', note: 'the queue is empty now but it still will not print' },
  ],
  playbooks: [{ id: 'printer-stuck', title: 'Printing is stuck' }],
  transcript: [
    { role: 'user', text: "the whole team can't print since the Windows update", at: '2025-03-01T09:00:00.000Z' },
    { role: 'assistant', text: 'Please try…', at: '2025-03-01T09:00:01.000Z' },
    { role: 'user', text: 'restarted, no change', at: '2025-03-01T09:02:00.000Z' },
  ],
};

describe('ticket content IT can act on', () => {
  it('lists every fact: device and model, each error, since when, who is affected and the deadline', () => {
    const d = buildTicketDraft(base).description;
    expect(d).toContain('- Device: printer — HP LaserJet M479');
    expect(d).toContain('- Error codes and messages: `0x80070005`, `Paper Jam in tray 2`');
    expect(d).toContain('- Since: since the Windows update');
    expect(d).toContain('- Affected: the whole team');
    expect(d).toContain('- Deadline or meeting: by noon');
  });

  it('shows each step\'s outcome with the employee\'s own words, never a bare "fixed it"', () => {
    const d = buildTicketDraft(base).description;
    expect(d).toContain('1. Restart the printer. — **did not help** (employee: "restarted, no change")');
    expect(d).toContain(
      '2. Clear the queue. — **the employee said this helped** (employee: "the queue is empty now but it still will not print")',
    );
    expect(d).not.toContain('fixed it');
  });

  it('states the priority with its reason in words', () => {
    const d = buildTicketDraft({ ...base, priorityBasis: { cause: 'deadline', words: 'by noon' } }).description;
    expect(d).toContain('**Priority:** High — a deadline today: "by noon"');
    const asked = buildTicketDraft({ ...base, priorityBasis: { cause: 'asked', words: 'mark it urgent' } });
    expect(asked.description).toContain('**Priority:** High — the employee asked for this priority: "mark it urgent"');
  });

  it("carries the employee's notes verbatim and the conversation's first message when the problem came later", () => {
    const d = buildTicketDraft({
      ...base,
      employeeNotes: ["I'm travelling to Osaka tomorrow morning"],
      openingMessage: 'Cisco VPN drops every 20 minutes when I work from home',
      problemStart: 2,
    }).description;
    expect(d).toContain("### The employee asked to add\n> I'm travelling to Osaka tomorrow morning");
    expect(d).toContain('### How the conversation began\n> Cisco VPN drops every 20 minutes when I work from home');
    expect(d).toMatch(/Please try…\n- \(this problem starts here\)\n- .*restarted, no change/);
  });

  it('writes a Japanese ticket in Japanese: headings, category, priority and reason', () => {
    const d = buildTicketDraft({
      ...base,
      language: 'ja',
      firstMessage: '部署全員のPCから共有プリンターに印刷できません',
      priorityBasis: { cause: 'team_blocked', words: '部署全員' },
      stepsTried: [{ step: 'プリンターを再起動', outcome: 'not_fixed', note: '再起動しましたが同じです' }],
    });
    expect(d.description).toContain('**カテゴリー:** プリンター (`printer`)');
    expect(d.description).toContain('**優先度:** 高 (High) — 複数人に影響：「部署全員」');
    expect(d.description).toContain('### ご本人の言葉\n> 部署全員のPCから共有プリンターに印刷できません');
    expect(d.description).toContain('1. プリンターを再起動 — **効果なし** （ご本人：「再起動しましたが同じです」）');
    expect(d.description).toContain('- 発生時期: since the Windows update');
    expect(d.description).not.toMatch(/Troubleshooting|Reporter|Transcript/);
    expect(d.priority).toBe('High');
  });

  it.each([
    [
      'ja',
      'printer',
      'プリンターが「エラー E-202」で止まってしまいました',
      {},
      'プリンター：「エラー E-202」で止まってしまいました',
    ],
    ['ja', 'email', 'Outlookの予定表が同期されません', { app: 'Outlook' }, 'メール：Outlookの予定表が同期されません'],
    [
      'en',
      'email',
      'keeps asking for my password',
      { app: 'Outlook' },
      'Email: keeps asking for my password (Outlook)',
    ],
    [
      'en',
      'hardware',
      'Dell Latitude 5440 asks for the BitLocker recovery key',
      { device: 'laptop', model: 'Dell Latitude 5440' },
      'Hardware: Dell Latitude 5440 asks for the BitLocker recovery key',
    ],
    [
      'en',
      'teams',
      'sign-in fails with AADSTS50076',
      { model: 'iPhone 13', os: 'iOS' },
      'Teams: sign-in fails with AADSTS50076 (iPhone 13)',
    ],
    [
      'ja',
      'hardware',
      'PCが青い画面になって再起動を繰り返します',
      { device: 'PC' },
      'ハードウェア：PCが青い画面になって再起動を繰り返します',
    ],
  ] as const)('summary in %s for %s: "%s"', (language, category, symptom, environment, expected) => {
    expect(buildSummary({ language, category, symptom, environment })).toBe(expected);
  });
});
