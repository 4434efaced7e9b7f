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

  it('keeps the model’s reading where the rules are unsure and nothing is negated', () => {
    expect(guardConfirmation('confirm', 'unclear', 'go on then, log it with IT')).toBe('confirm');
    expect(guardConfirmation('question', 'unclear', 'and then what')).toBe('question');
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
