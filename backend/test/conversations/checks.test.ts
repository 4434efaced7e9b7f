/**
 * The suite's own checks, on fixed texts: a wrong checker would pass or fail every case for the
 * wrong reason, so its edge cases are pinned here.
 */
import { describe, expect, it } from 'vitest';
import { caseSchema } from './case-schema.js';
import { japaneseProblem } from './reply-checks.js';
import { startsWithLaterMessage } from './ticket-checks.js';

describe('japaneseProblem', () => {
  it('accepts Japanese with product names, code spans, URLs and a short English label', () => {
    expect(japaneseProblem('Microsoft Teams の設定を開き、`Clear cache now` を押してください。')).toBeUndefined();
    expect(japaneseProblem('詳しくは https://support.example.com/how-to-fix-this-now をご覧ください')).toBeUndefined();
    expect(japaneseProblem('件名: IT issue: プリンターが動きません')).toBeUndefined();
  });

  it('rejects English-only replies and four English words in a row', () => {
    expect(japaneseProblem('Thanks, your ticket is created.')).toMatch(/no Japanese/);
    expect(japaneseProblem('チケット IT-3 を作成しました。 Outcome not reported yet, sorry')).toMatch(/English run/);
  });
});

describe('startsWithLaterMessage', () => {
  it('catches a summary made of a later message, also behind a category prefix', () => {
    expect(startsWithLaterMessage('restarted, no change', ['restarted, no change'])).toBeDefined();
    expect(startsWithLaterMessage('Teams: Restarted, no change', ['restarted, no change'])).toBeDefined();
  });

  it('does not flag a word that merely begins with a short reply', () => {
    expect(startsWithLaterMessage('Okta sign-in fails with error 403', ['ok'])).toBeUndefined();
    expect(startsWithLaterMessage('Printer: paper jam on HP M479', ['yes pls'])).toBeUndefined();
  });
});

describe('caseSchema', () => {
  const base = { id: 'en-x-01', pattern: 'fixed', lang: 'en', turns: [{ user: 'hi' }], result: { tickets: 0 } };

  it('rejects a misspelt key instead of ignoring it', () => {
    expect(caseSchema.safeParse({ ...base, turns: [{ user: 'hi', expect: { ofer: true } }] }).success).toBe(false);
    expect(caseSchema.safeParse({ ...base, result: { tickets: 0, catgory: 'printer' } }).success).toBe(false);
  });

  it('requires a category when a ticket is expected, and an id prefix matching the language', () => {
    expect(caseSchema.safeParse({ ...base, result: { tickets: 1 } }).success).toBe(false);
    expect(caseSchema.safeParse({ ...base, lang: 'ja' }).success).toBe(false);
    expect(caseSchema.safeParse(base).success).toBe(true);
  });
});
