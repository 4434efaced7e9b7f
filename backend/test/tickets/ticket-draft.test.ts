import { describe, expect, it } from 'vitest';
import { buildSummary, buildTicketDraft, type TicketFacts } from '../../src/tickets/ticket-draft.js';
import { MAX_DESCRIPTION_LENGTH } from '../../src/domain/index.js';

const facts: TicketFacts = {
  reporter: { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com', key: 'aiko.tanaka@example.com' },
  conversationId: 'conv-42',
  category: 'teams',
  priority: 'High',
  priorityReason: 'mentions "whole team"',
  firstMessage: 'Teams shows a white screen on startup.\nThe whole team is affected!',
  symptom: 'Teams shows a white screen on startup',
  environment: { app: 'Teams', os: 'Windows', device: 'laptop', errorText: 'CAA50021' },
  stepsTried: [
    { step: 'Quit Teams and start it again.', outcome: 'not_fixed', note: 'still not working' },
    { step: 'Clear the Teams cache.', outcome: 'unknown' },
  ],
  playbooks: [{ id: 'teams-wont-start', title: "Teams won't start or shows a blank window" }],
  transcript: [
    { role: 'user', text: 'Teams shows a white screen on startup.', at: '2025-03-01T09:00:00.000Z' },
    { role: 'assistant', text: 'From the playbook…\n1. Quit Teams', at: '2025-03-01T09:00:01.000Z' },
  ],
};

describe('buildTicketDraft', () => {
  it('writes a specific summary: category, symptom, then the machine', () => {
    const draft = buildTicketDraft(facts);
    expect(draft.summary).toBe('Teams: white screen on startup (Windows laptop)');
    expect(draft).toMatchObject({ category: 'teams', priority: 'High' });
  });

  it('names an app that the category does not already say', () => {
    expect(
      buildSummary({ category: 'email', symptom: 'keeps asking for my password', environment: { app: 'Outlook' } }),
    ).toBe('Email: keeps asking for my password (Outlook)');
    expect(buildSummary({ category: 'teams', symptom: 'Teamsの通知が来ません', environment: {} })).toBe(
      'Teams: 通知が来ません',
    );
  });

  it('keeps "keeps" in the symptom: intermittent is not the same problem as broken', () => {
    expect(buildSummary({ category: 'vpn', symptom: 'My VPN keeps dropping', environment: {} })).toBe(
      'VPN: keeps dropping',
    );
  });

  it('keeps the summary within 120 characters, cut at a word', () => {
    const long = buildSummary({
      category: 'vpn',
      symptom: 'word '.repeat(60),
      environment: { os: 'macOS', device: 'MacBook' },
    });
    expect(long.length).toBeLessThanOrEqual(120);
    expect(long).toMatch(/^VPN: word .*word… \(macOS MacBook\)$/);
  });

  it('carries reporter, category, priority, verbatim words, environment, steps, playbooks, transcript and conversation', () => {
    const d = buildTicketDraft(facts).description;
    expect(d).toContain('**Reporter:** Aiko Tanaka <aiko.tanaka@example.com>');
    expect(d).toContain('**Category:** Teams (`teams`)');
    expect(d).toContain('**Priority:** High — mentions "whole team"');
    expect(d).toContain('> Teams shows a white screen on startup.\n> The whole team is affected!');
    expect(d).toContain('- Operating system: Windows');
    expect(d).toContain('- Error codes and messages: `CAA50021`');
    expect(d).toContain('1. Quit Teams and start it again. — **did not help** (employee: "still not working")');
    expect(d).toContain('2. Clear the Teams cache. — **outcome not reported**');
    expect(d).toContain("- *Teams won't start or shows a blank window* (`teams-wont-start`)");
    expect(d).toContain('- 2025-03-01T09:00:00Z **Employee:** Teams shows a white screen on startup.');
    expect(d).toContain('- 2025-03-01T09:00:01Z **Assistant:** From the playbook…\n  1. Quit Teams');
    expect(d).toContain('**Conversation:** conv-42');
  });

  // The issue (9) asks for the transcript from the first message, always: the lines after it go first.
  it('keeps the first message and drops the oldest lines after it, and says so, when the description would be too long', () => {
    const transcript = Array.from({ length: 400 }, (_, i) => ({
      role: 'user' as const,
      text: `message ${i} ${'x'.repeat(200)}`,
      at: '2025-03-01T09:00:00.000Z',
    }));
    const d = buildTicketDraft({ ...facts, transcript }).description;
    expect(d.length).toBeLessThanOrEqual(MAX_DESCRIPTION_LENGTH);
    expect(d).toMatch(/earlier messages omitted/);
    expect(d).toContain('message 399');
    expect(d).toContain('message 0 ');
    expect(d).not.toContain('message 1 ');
  });
});
