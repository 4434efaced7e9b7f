import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OFFER_QUICK_REPLIES, TROUBLESHOOT_QUICK_REPLIES } from '../../src/agent/messages.js';
import { classifyConfirmation, classifyFeedback, isTicketRequest } from '../../src/agent/reading/intent.js';
import { detectLanguage } from '../../src/agent/reading/text-signals.js';
import { readSampleLines, sharedOriginal } from './samples.js';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/confirmation-replies.jsonl');
const samples = readSampleLines<{ text: string; expect: 'ticket' | 'none' }>(fixture);

describe('classifyConfirmation', () => {
  it('keeps its sample copy identical to the shared samples', () => {
    const original = sharedOriginal('confirmation-replies.jsonl');
    if (original !== undefined) expect(fs.readFileSync(fixture, 'utf8')).toBe(original);
    expect(samples.length).toBeGreaterThanOrEqual(20);
  });

  it.each(samples)('"$text" → $expect', ({ text, expect: expected }) => {
    expect(classifyConfirmation(text) === 'confirm' ? 'ticket' : 'none').toBe(expected);
  });

  it.each([
    ['Yes, create a ticket', 'confirm'],
    ['sure, go ahead', 'confirm'],
    ['can you open one for me?', 'confirm'],
    ['no problem, go ahead', 'confirm'],
    ['作成してもらえますか', 'confirm'],
    ["don't create a ticket", 'decline'],
    ['no need for a ticket', 'decline'],
    ['please do not open one', 'decline'],
    ['No, thanks', 'decline'],
    ['今は結構です', 'decline'],
    ['yes, it works now', 'resolved'],
    ["It's working now", 'resolved'],
    ['直りました', 'resolved'],
    ['how long will it take?', 'question'],
    ['チケットは誰が見ますか？', 'question'],
    ['hmm', 'unclear'],
    ['', 'unclear'],
  ] as const)('"%s" is %s', (text, intent) => {
    expect(classifyConfirmation(text)).toBe(intent);
  });

  it('reads every offered quick reply as the answer it names', () => {
    for (const replies of Object.values(OFFER_QUICK_REPLIES)) {
      expect(replies.map(classifyConfirmation)).toEqual(['confirm', 'decline', 'resolved']);
    }
  });
});

describe('classifyFeedback', () => {
  it.each([
    ['still not working', 'not_fixed'],
    ["didn't help", 'not_fixed'],
    ['no', 'not_fixed'],
    ['same error as before', 'not_fixed'],
    ['it is not fixed', 'not_fixed'],
    ['まだ直りません', 'not_fixed'],
    ['that fixed it', 'resolved'],
    ['works now, thanks', 'resolved'],
    ['yes', 'resolved'],
    ['動くようになりました', 'resolved'],
    ['can I talk to a human?', 'wants_ticket'],
    ['still broken, please create a ticket', 'wants_ticket'],
    ['起票してください', 'wants_ticket'],
    ['I tried to open it and saw a spinner', 'other'],
  ] as const)('"%s" is %s', (text, intent) => {
    expect(classifyFeedback(text)).toBe(intent);
  });

  it('reads every troubleshooting quick reply as the answer it names', () => {
    for (const replies of Object.values(TROUBLESHOOT_QUICK_REPLIES)) {
      expect(replies.map(classifyFeedback)).toEqual(['resolved', 'not_fixed', 'wants_ticket']);
    }
  });

  it('does not take a negated request for a ticket request', () => {
    expect(isTicketRequest("I don't want a ticket yet")).toBe(false);
    expect(isTicketRequest('チケットはいりません')).toBe(false);
  });
});

describe('detectLanguage', () => {
  it('follows Japanese script and keeps the language for short Latin replies', () => {
    expect(detectLanguage('Teamsの通知が来ません')).toBe('ja');
    expect(detectLanguage('ok', 'ja')).toBe('ja');
    expect(detectLanguage('my VPN does not connect', 'ja')).toBe('en');
  });
});
