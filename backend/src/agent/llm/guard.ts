/**
 * The rule-based detector guards the model's reading of intent: explicit negation or a stated
 * fix, as the rules see them, wins over a model that heard "yes". A ticket is never created on
 * a reply the rules call declined, resolved, or unclear with a negation in it.
 */
import type { ConfirmationIntent, FeedbackIntent } from '../reading/intent.js';
import { clausesOf, normalizeEnglish } from '../reading/text-signals.js';
import type { TurnIntent } from '../state.js';

const negatorsEn = /\b(?:not|no|never|nope|nah|without|nothing|neither|nor|rather not|stop|cancel)\b/;
const negatorsJa = /ない|ません|不要|結構|けっこう|やめ|いいえ|いえ、|遠慮|いらない|要らない/;

export function hasNegation(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (negatorsJa.test(raw)) return true;
  return clausesOf(normalizeEnglish(raw)).some((clause) => negatorsEn.test(clause));
}

export function guardConfirmation(
  model: ConfirmationIntent,
  rule: ConfirmationIntent,
  text: string,
): ConfirmationIntent {
  if (rule === 'decline' || rule === 'resolved') return rule;
  if (model === 'confirm' && rule !== 'confirm' && hasNegation(text))
    return rule === 'question' ? 'question' : 'unclear';
  return model;
}

/** Where the rules are sure (a new problem, small talk, a decline, a fix, a ticket request) they decide. */
export function guardTurn(model: FeedbackIntent, rule: TurnIntent, text: string): TurnIntent {
  if (rule !== 'not_fixed' && rule !== 'other') return rule;
  if ((model === 'wants_ticket' || model === 'resolved') && hasNegation(text)) return rule;
  return model;
}
