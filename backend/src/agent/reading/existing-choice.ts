/**
 * The employee's answer to "You already have IT-12 open for this — shall I add to it, or open a
 * new ticket?": add / new (`confirm`) / the usual decline, resolved, question, unclear. An
 * explicit, un-negated "add" or "new" decides; a bare "yes" means the ticket that exists; naming
 * both decides nothing. Unclear never writes anything.
 */
import { classifyConfirmation, type ConfirmationIntent } from './intent.js';
import { normalizeEnglish, scanPhrases } from './text-signals.js';

/** `confirm` creates a new ticket; `add` comments on the open one. */
export type OfferChoice = ConfirmationIntent | 'add';

const addEn = [
  /\badd\b/,
  /\bappend\b/,
  /\bupdate (?:it|that|the (?:existing|old|open) (?:one|ticket))\b/,
  /\b(?:existing|same|old|open) (?:one|ticket)\b/,
];
const newEn = [
  /\bnew\b/,
  /\b(?:another|separate|second|different|fresh)\b/,
  /\b(?:create|open|raise|file|make|start)\b(?:\s+\S+){0,2}?\s*\b(?:ticket|one)\b/,
];
const addJa = /追記|追加|既存|そのチケット|同じチケット/;
const addNegatedJa = /(?:追記|追加)(?:しないで|は(?:不要|いらない|結構|しない))|追記不要|追加不要/;
const newJa = /新しい|新規|別の?チケット|別に(?:作成|作っ)/;
const newNegatedJa = /(?:新しい|新規)(?:チケット)?(?:は|も)?(?:不要|いらない|要らない|結構)|新しく作らないで/;
const addRequestEn = /\b(?:can|could|would|will)\s+you\b.*\badd\b/;

export function classifyExistingChoice(text: string): OfferChoice {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'unclear';
  const en = normalizeEnglish(raw);
  const add = scanPhrases(en, addEn);
  const wantsAdd = add.affirmed || addRequestEn.test(en) || (addJa.test(raw) && !addNegatedJa.test(raw));
  const wantsNew = scanPhrases(en, newEn).affirmed || (newJa.test(raw) && !newNegatedJa.test(raw));
  const refusesAdd = (add.negated || addNegatedJa.test(raw)) && !/[?？]\s*$/.test(raw);
  // "Don't add it" (and nothing about a new one) refuses both; it is no question for all its "do".
  if (refusesAdd && !wantsAdd && !wantsNew) return 'decline';
  const base = classifyConfirmation(raw);
  // "Should I add more details?" asks; "could you add it?" requests.
  if (base === 'question' && !addRequestEn.test(en)) return 'question';
  if (wantsAdd && !wantsNew) return 'add';
  if (wantsNew && !wantsAdd) return 'confirm';
  // "yes" answers the question as asked first: add to the ticket that exists.
  if (base === 'confirm') return wantsAdd ? 'unclear' : 'add';
  return base;
}
