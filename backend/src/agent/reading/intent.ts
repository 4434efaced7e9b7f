/**
 * Rule-based intent for the offline engine. Two questions are asked of an employee's reply:
 * after a ticket offer (confirm / decline / resolved / question / unclear) and after
 * troubleshooting steps (resolved / not fixed / wants a ticket / other). Only an asserted,
 * un-negated request or "yes" confirms; anything unclear creates nothing. The finer readings
 * (consent, outcomes, requests, asks) live in their own modules next to this one.
 */
import {
  englishDecision,
  hasExplicitAction,
  isJapaneseQuestion,
  isThanksWithoutConsent,
  japaneseDecision,
  statementsOf,
  type Decision,
} from './consent.js';
import { isFixed, readStepOutcome, reportsTrying } from './outcome.js';
import { isPersonRequest, isTicketRequest, requestText } from './requests.js';
import { clausesOf, normalizeEnglish, scanPhrases } from './text-signals.js';

export { isTicketRequest, isPersonRequest } from './requests.js';

export type ConfirmationIntent = 'confirm' | 'decline' | 'resolved' | 'question' | 'unclear';
export type FeedbackIntent = 'resolved' | 'not_fixed' | 'wants_ticket' | 'other';

export const questionStartEn =
  /^(?:who|what|when|where|why|how|which|will|would|can|could|do|does|is|are|should|shall)\b/;
const smallTalkEn =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|thx|ty|cheers|ok|okay|cool|got it|will do|one moment|one sec|wait|hold on|let me (?:try|check|see|think))\b[\s\w']{0,20}$/;
const questionJa =
  /[?？]\s*$|(?:誰|だれ|何|なに|どう|いつ|どこ|なぜ|どれ|どんな).*(?:か|の)\s*[。]?$|(?:ですか|ますか)\s*[。]?$/;
const smallTalkJa =
  /^(?:こんにちは|ありがとう|了解です|わかりました|分かりました|試してみます|ちょっと待って|少々お待ち)/;

/** "can you file it?", 「作ってもらえますか」: a request, however it is punctuated. */
const requestQuestionEn = [
  /\b(?:can|could|would|will)\s+(?:you|u|ya)\b(?:\s+\S+){0,3}?\s*\b(?:create|open|raise|file|log|submit|make (?:it|one|a ticket|the ticket)|put (?:it |one )?in|do (?:it|that|so|this)|go ahead|escalate|pass it|forward it|proceed|start (?:it|one))\b/,
  /\b(?:can|could|would|will)\s+itdept\s+(?:take|look|handle|check|have)\b/,
];
const requestQuestionJa =
  /(?:作成|起票|登録|作っ|発行|出し|お願い|進め|上げ)(?:して)?(?:もらえ|いただけ|頂け|くれ|でき)(?:ます|ません)?か|(?:作っ|作成し|起票し|出し)て(?:もらって|いただいて)(?:も)?(?:いい|よい|大丈夫)(?:です)?か/;
/** "should this go to IT?", 「チケットにした方がいいですか」: a question about whether to, not a request. */
const whetherEn =
  /^(?:should|do i need|do we need|is it worth|would it be better|is it better|does it need|is a ticket)\b/;

function decisionOf(raw: string): Decision {
  return japaneseDecision(raw) ?? englishDecision(raw);
}

function isRequestQuestion(raw: string): boolean {
  if (isJapaneseQuestion(raw)) return false;
  if (requestQuestionJa.test(raw)) return true;
  const en = requestText(raw);
  if (whetherEn.test(en)) return false;
  return requestQuestionEn.some((p) =>
    clausesOf(statementsOf(en)).some(
      (c) => p.test(c) && !scanPhrases(c, [/\b(?:create|open|raise|file|log)\b/]).negated,
    ),
  );
}

/** The employee's answer to "Shall I create the ticket?". */
export function classifyConfirmation(text: string): ConfirmationIntent {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'unclear';
  // Words inside a question ("what happens after I submit it?") ask; they do not consent.
  const stated = isJapaneseQuestion(raw) ? '' : statementsOf(requestText(raw));
  const explicit = hasExplicitAction(raw) || (stated !== '' && isTicketRequest(stated) && !isPersonRequest(raw));
  if (isThanksWithoutConsent(raw) && !explicit) return 'decline';
  const decision = decisionOf(raw);
  if (isFixed(raw) && !explicit) return 'resolved';
  if (decision === 'no') return 'decline';
  if (isRequestQuestion(raw)) return 'confirm';
  // A person or a question about the ticket gets an answer and the offer again.
  if (decision !== 'yes' && isPersonRequest(raw)) return 'question';
  if (isQuestion(raw) && !isPersonRequest(raw) && !(explicit && decision === 'yes')) return 'question';
  if (explicit) return 'confirm';
  // 「うん、迷惑メールも見たけど無かった」: the "yes" answers "did you try it?", not the offer.
  if (decision === 'yes' && leadingYesOnly(raw) && reportsTrying(raw)) return 'unclear';
  return decision === 'yes' ? 'confirm' : 'unclear';
}

const bareYes = /^(?:yes|yeah|yep|yup|ya|yea|sure|うん|はい|ええ)$/i;

/** The only consent is a bare "yes" opening the message; the rest says something else. */
function leadingYesOnly(raw: string): boolean {
  const clauses = raw.split(/[,、。.!！\s]+/).filter((c) => c !== '');
  return clauses.length > 1 && bareYes.test(clauses[0] ?? '') && decisionOf(clauses.slice(1).join(' ')) !== 'yes';
}

/** The employee's answer after trying troubleshooting steps. */
export function classifyFeedback(text: string): FeedbackIntent {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'other';
  if (isTicketRequest(raw)) return 'wants_ticket';
  const outcome = readStepOutcome(raw);
  if (outcome === 'fixed') return 'resolved';
  return outcome === 'not_fixed' || outcome === 'partly' ? 'not_fixed' : 'other';
}

/** A stated fix with nothing still broken: "works now", 「直りました」. */
export function isResolved(text: string): boolean {
  return isFixed(text);
}

export function isQuestion(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  if (/[?？]\s*$/.test(raw)) return true;
  if (questionJa.test(raw)) return true;
  const first = clausesOf(normalizeEnglish(raw))[0] ?? '';
  return questionStartEn.test(first) && first.split(' ').length >= 3;
}

/** Greetings, thanks and "let me try" — nothing to act on. */
export function isSmallTalk(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  return smallTalkEn.test(normalizeEnglish(raw).replace(/[!.,]+/g, '')) || smallTalkJa.test(raw);
}
