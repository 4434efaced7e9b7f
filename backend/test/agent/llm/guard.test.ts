import { describe, expect, it } from 'vitest';
import { guardConfirmation, guardTurn, hasNegation } from '../../../src/agent/llm/guard.js';
import { classifyConfirmation } from '../../../src/agent/reading/intent.js';

describe('the rule-based guard on the model’s intent', () => {
  it.each([
    "don't create a ticket",
    'no, please do not open one',
    'yes it works now',
    'チケットは作成しないでください',
    'いいえ、結構です',
  ])('never lets a model "confirm" create a ticket for %j', (text) => {
    expect(guardConfirmation('confirm', classifyConfirmation(text), text)).not.toBe('confirm');
  });

  it.each([
    // questions at an offer, even with action words in them
    'what happens after I send it?',
    'would a technician do it remotely or come over?',
    'who picks it up once it is filed?',
    'チケットを作ったら誰が対応しますか？',
    '作成したら、いつ頃連絡がありますか',
    // a person asked for at an offer: answered, then offered again
    'can I talk to a real person first?',
    'is there someone I can call?',
    '担当者と直接話したいです',
    '誰かに電話してもらえませんか',
  ])('reads %j as a question or a person, and a model "confirm" creates nothing', (text) => {
    const rule = classifyConfirmation(text);
    expect(rule).toBe('question');
    expect(guardConfirmation('confirm', rule, text)).toBe('question');
  });

  it.each([
    'hmm, is that really needed?',
    'a person would be better',
    'yeah I restarted it already',
    'うん、ケーブルも確認したけど',
  ])('turns a model "confirm" on %j into unclear when the rules read it as unclear', (text) => {
    expect(guardConfirmation('confirm', 'unclear', text)).toBe('unclear');
  });

  it('keeps the model’s reading where the rules are unsure and nothing is negated', () => {
    expect(guardConfirmation('confirm', 'unclear', 'go on then, log it with IT')).toBe('confirm');
    expect(guardConfirmation('question', 'unclear', 'and then what')).toBe('question');
  });

  it.each(['who will see it?', 'can I talk to a person?', '担当者と話したい', 'どのくらいかかりますか？'])(
    'keeps a question (%j) a question whatever the model heard',
    (text) => {
      expect(classifyConfirmation(text)).toBe('question');
      expect(guardConfirmation('confirm', 'question', text)).toBe('question');
    },
  );

  it('keeps a plain consent the rules read when the model heard nothing, and yields to a heard refusal', () => {
    expect(guardConfirmation('unclear', 'confirm', 'yes please')).toBe('confirm');
    expect(guardConfirmation('question', 'confirm', 'ok go ahead')).toBe('confirm');
    expect(guardConfirmation('decline', 'confirm', 'yes… actually no')).toBe('decline');
  });

  it('turns a model "confirm" on an unclear, negated reply into unclear', () => {
    expect(guardConfirmation('confirm', 'unclear', "I'd rather not, honestly")).toBe('unclear');
  });

  it('lets the rules decide the structural turns and refuses a negated ticket request', () => {
    expect(guardTurn('not_fixed', 'resolved', 'that fixed it')).toBe('resolved');
    expect(guardTurn('other', 'wants_ticket', 'create a ticket')).toBe('wants_ticket');
    expect(guardTurn('wants_ticket', 'other', 'no need to bother IT yet')).toBe('other');
    expect(guardTurn('resolved', 'other', 'seems ok after the restart')).toBe('resolved');
  });

  it('finds negation in English and Japanese', () => {
    expect(hasNegation("I don't want that")).toBe(true);
    expect(hasNegation('作成しないで')).toBe(true);
    expect(hasNegation('sure, go ahead')).toBe(false);
  });
});
