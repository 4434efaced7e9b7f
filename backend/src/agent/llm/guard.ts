/**
 * The rule-based detector guards the model's reading of intent: a refusal, a fix or a question,
 * as the rules read them, wins over a model that heard "yes", and a plain consent the rules read
 * is not lost to a model that heard nothing. A ticket is never created on a reply the rules call
 * declined, resolved or a question (a person asked for at an offer is read as one), nor on an
 * unclear one with a negation, a question, a person request or a report of a step tried in it.
 */
import { isPersonRequest, isQuestion, type ConfirmationIntent, type FeedbackIntent } from '../reading/intent.js';
import { reportsTrying } from '../reading/outcome.js';
import { clausesOf, normalizeEnglish } from '../reading/text-signals.js';
import type { TurnIntent } from '../state.js';

const negatorsEn = /\b(?:not|no|never|nope|nah|without|nothing|neither|nor|rather not|stop|cancel)\b/;
const negatorsJa = /ない|ません|不要|結構|けっこう|やめ|いいえ|いえ、|遠慮|いらない|要らない/;

export function hasNegation(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (negatorsJa.test(raw)) return true;
  return clausesOf(normalizeEnglish(raw)).some((clause) => negatorsEn.test(clause));
}

/** A reply that asks something, asks for a person, or says what was tried: not consent by itself. */
function asksOrReports(text: string): boolean {
  return isQuestion(text) || isPersonRequest(text) || reportsTrying(text);
}

export function guardConfirmation(
  model: ConfirmationIntent,
  rule: ConfirmationIntent,
  text: string,
): ConfirmationIntent {
  // What the rules read with certainty stands: a refusal, a fix, a question (a question never
  // creates a ticket, whatever else the model heard in it).
  if (rule === 'decline' || rule === 'resolved' || rule === 'question') return rule;
  // A plain consent is consent, unless the model heard a refusal or a fix (then nothing is created).
  if (rule === 'confirm') return model === 'decline' || model === 'resolved' ? model : 'confirm';
  // What the rules could not read is the model's, but never a consent with a negation in it, nor
  // one heard in a question, a request for a person, or a report of a step tried ("yes, I checked").
  if (model === 'confirm' && (hasNegation(text) || asksOrReports(text))) return 'unclear';
  return model;
}

/** Where the rules are sure (a new problem, small talk, a decline, a fix, a ticket request) they decide. */
export function guardTurn(model: FeedbackIntent, rule: TurnIntent, text: string): TurnIntent {
  if (rule !== 'not_fixed' && rule !== 'other') return rule;
  if ((model === 'wants_ticket' || model === 'resolved') && hasNegation(text)) return rule;
  return model;
}
