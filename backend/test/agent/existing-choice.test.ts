import { describe, expect, it } from 'vitest';
import { classifyExistingChoice } from '../../src/agent/reading/existing-choice.js';

describe('reading the answer to "add to IT-12, or a new ticket?"', () => {
  it.each([
    'Add to IT-12',
    'add',
    'yes',
    'add to it',
    'yes please, add it to the existing one',
    "don't open a new one, just add it",
    'could you add it there?',
    'IT-12 に追記',
    '追記してください',
    'はい',
  ])('adds for %j', (text) => {
    expect(classifyExistingChoice(text)).toBe('add');
  });

  it.each([
    'Create a new ticket',
    'create a new one',
    'a separate ticket please',
    "no, don't add it, open a new ticket",
    '新しいチケットを作成',
    '新しいのでお願いします',
  ])('creates a new ticket for %j', (text) => {
    expect(classifyExistingChoice(text)).toBe('confirm');
  });

  it.each([
    ['No, thanks', 'decline'],
    ["don't add it", 'decline'],
    ['no new ticket, thanks', 'decline'],
    ['いいえ、結構です', 'decline'],
    ["It's working now", 'resolved'],
    ['直りました', 'resolved'],
    ['who will see it?', 'question'],
    ['hmm', 'unclear'],
    ['', 'unclear'],
    ['add it or make a new one, whatever', 'unclear'],
  ] as const)('reads %j as %s', (text, expected) => {
    expect(classifyExistingChoice(text)).toBe(expected);
  });
});
