/**
 * Replies to a ticket offer written independently of the readers (EN/JA): consent creates a
 * ticket, a refusal, a fix and a question never do, and nothing unclear is read as consent.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classifyConfirmation, type ConfirmationIntent } from '../../src/agent/reading/intent.js';
import { readSampleLines } from './samples.js';

type Expect = 'ticket' | 'no_ticket' | 'resolved' | 'question' | 'unclear';
const here = path.dirname(fileURLToPath(import.meta.url));
const rows = readSampleLines<{ text: string; expect: Expect; lang: 'en' | 'ja' }>(
  path.join(here, 'fixtures/offer-replies-holdout.jsonl'),
);
const INTENT: Record<Exclude<Expect, 'unclear'>, ConfirmationIntent> = {
  ticket: 'confirm',
  no_ticket: 'decline',
  resolved: 'resolved',
  question: 'question',
};

describe('held-out replies to a ticket offer', () => {
  it('has rows of every kind in both languages', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    for (const lang of ['en', 'ja'] as const) {
      expect(new Set(rows.filter((r) => r.lang === lang).map((r) => r.expect)).size).toBe(5);
    }
  });

  it.each(rows)('"$text" ($expect)', ({ text, expect: expected }) => {
    const intent = classifyConfirmation(text);
    if (expected === 'unclear') expect(intent).not.toBe('confirm');
    else expect(intent).toBe(INTENT[expected]);
  });
});
