/**
 * Rule-based intent for the offline engine. Two questions are asked of an employee's reply:
 * after a ticket offer (confirm / decline / resolved / question / unclear) and after
 * troubleshooting steps (resolved / not fixed / wants a ticket / other). Only an asserted,
 * un-negated request or "yes" confirms; anything unclear creates nothing.
 */
import { clausesOf, normalizeEnglish, scanPhrases, startsAnyClause, startsFirstClause } from './text-signals.js';

export type ConfirmationIntent = 'confirm' | 'decline' | 'resolved' | 'question' | 'unclear';
export type FeedbackIntent = 'resolved' | 'not_fixed' | 'wants_ticket' | 'other';

// --- English -------------------------------------------------------------------------------

const resolvedEn = [
  /\b(?:it|that|everything|all|this|teams|outlook|email|vpn|printer|mail)\s+(?:is\s+)?(?:works?|working)\b/,
  /\b(?:works?|working)\s+(?:now|again|fine|properly|ok|okay|well)\b/,
  /(?<!to be )\b(?:fixed|solved|resolved|sorted)\b/,
  /\bhelped\b/,
  /\b(?:all good|back to normal|good now|fine now|ok now|okay now|up and running|gone now)\b/,
];
/** "still" undoes a stated fix: "it works but still slow". */
const stillEn = [/\bstill\b/];
const ticketActionEn = [
  /\b(?:create|open|raise|file|log|submit|make|start|send|escalate)\b(?:\s+\S+){0,3}?\s*\b(?:ticket|case|incident)\b/,
  /\b(?:want|need|like|get|have)\b(?:\s+\S+){0,2}?\s*\b(?:ticket|human|technician)\b/,
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|the\s+)?(?:human|person|someone|somebody|technician|agent|it|support)\b/,
  /\b(?:real person|human agent|escalate)\b/,
];
/** "open it", "raise one": a request only as the answer to a ticket offer. */
const offerActionEn = [/\b(?:create|open|raise|file|log|submit|make|send)\s+(?:it|one)\b/];
/** Verbs that, negated, turn a reply into "no ticket": "don't create", "no need", "don't bother". */
const ticketNegatableEn = [/\b(?:create|open|raise|file|log|submit|make|need|want|bother|escalate|ticket)\b/];
const notFixedEn = [
  /\bstill\b/,
  /\b(?:no luck|same (?:thing|problem|issue|error|screen)|nothing changed|no change|no difference)\b/,
  /\bnot\s+(?:\S+\s+)?(?:work|working|works|fixed|help|helped|solved|resolved|change|changed)\b/,
  /\b(?:broken|fails?|failed|failing|error)\b/,
];
const affirmStartEn =
  /^(?:yes|yeah|yea|yep|yup|ya|sure|ok|okay|alright|all right|absolutely|definitely|of course|please do|please|go ahead|go for it|go|do it|sounds good|sounds great|great|perfect|fine|why not|correct|right|y)\b/;
const yesOnlyEn = /^(?:yes|yeah|yep|yup|ya|y)\b/;
const declineStartEn = /^(?:no|nope|nah|not now|not yet|not really|never ?mind|forget it|cancel|skip|do not|stop)\b/;
const requestQuestionEn =
  /\b(?:can|could|would|will)\s+you\b.*\b(?:create|open|raise|file|log|submit|make)\b|\bplease\b.*\b(?:create|open|raise|file)\b/;
export const questionStartEn =
  /^(?:who|what|when|where|why|how|which|will|would|can|could|do|does|is|are|should|shall)\b/;
const smallTalkEn =
  /^(?:hi|hello|hey|good (?:morning|afternoon|evening)|thanks|thank you|thx|ty|cheers|ok|okay|cool|got it|will do|one moment|one sec|wait|hold on|let me (?:try|check|see|think))\b[\s\w']{0,20}$/;

// --- Japanese ------------------------------------------------------------------------------

const resolvedJa =
  /(?:直り|治り|直っ|治っ)(?:ました|た)|解決(?:しました|した|できました)|(?:動く|使える|できる|つながる|繋がる|届く|印刷できる)(?:ように|よう)になりました|動きました|使えました|つながりました|繋がりました|大丈夫になりました|問題(?:なくなりました|が解消)/;
const notFixedJa =
  /まだ|直りません|直らない|治らない|動きません|動かない|だめ|ダメ|変わりません|変わらない|同じ|解決しません|解決しない|効果(?:なし|がない|ありません)|できません|できない/;
const declineJa =
  /^(?:いいえ|いえ|いや|結構|けっこう|不要|やめ)|結構です|けっこうです|いりません|要りません|いらない|要らない|不要|必要(?:ない|ありません)|やめて|やめます|やめておきます|しないで|作らないで|作成しないで|まだいい|今はいい|遠慮/;
const affirmJa =
  /^(?:はい|ええ|うん|お願い|おねがい|是非|ぜひ|よろしく|了解|オッケー|ok)|お願い(?:します|いたします|致します)?/i;
const ticketRequestJa =
  /チケット(?:を|の)?(?:作成|作っ|お願い|切っ|発行|登録|起票)|起票|(?:作成|登録)して|担当者|人と話|人に(?:相談|対応)|オペレーター|エスカレ|サポートに(?:連絡|つない)/;
const requestQuestionJa = /(?:作成し|起票し|登録し|作っ)て(?:もらえ|いただけ|くれ)(?:ます|ません)?か/;
const questionJa =
  /[?？]\s*$|(?:誰|だれ|何|なに|どう|いつ|どこ|なぜ|どれ|どんな).*(?:か|の)\s*[。]?$|(?:ですか|ますか)\s*[。]?$/;
const smallTalkJa =
  /^(?:こんにちは|ありがとう|了解です|わかりました|分かりました|試してみます|ちょっと待って|少々お待ち)/;

// --- Classifiers ---------------------------------------------------------------------------

/** The employee's answer to "Shall I create the ticket?". */
export function classifyConfirmation(text: string): ConfirmationIntent {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'unclear';
  const en = normalizeEnglish(raw);
  const requestsTicket = isTicketRequest(raw) || scanPhrases(en, offerActionEn).affirmed;

  if (scanPhrases(en, ticketNegatableEn).negated || declineJa.test(raw)) return 'decline';
  if (requestQuestionEn.test(en) || requestQuestionJa.test(raw)) return 'confirm';
  if (isResolved(raw) && !requestsTicket) return 'resolved';
  if (isQuestion(raw)) return 'question';
  if (startsFirstClause(en, declineStartEn) && !requestsTicket) return 'decline';
  if (startsAnyClause(en, affirmStartEn) || affirmJa.test(raw) || requestsTicket) return 'confirm';
  return 'unclear';
}

/** The employee's answer after trying troubleshooting steps. */
export function classifyFeedback(text: string): FeedbackIntent {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'other';
  if (isTicketRequest(raw)) return 'wants_ticket';
  if (isResolved(raw)) return 'resolved';
  const en = normalizeEnglish(raw);
  if (
    scanPhrases(en, notFixedEn).affirmed ||
    scanPhrases(en, resolvedEn).negated ||
    startsFirstClause(en, declineStartEn) ||
    notFixedJa.test(raw)
  ) {
    return 'not_fixed';
  }
  // A bare "yes" answers "Did that fix it?".
  if (yesOnlyEn.test(en) || /^はい/.test(raw)) return 'resolved';
  return 'other';
}

/** "create a ticket", "talk to a human", "起票して" — asserted, not negated. */
export function isTicketRequest(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (declineJa.test(raw)) return false;
  if (ticketRequestJa.test(raw)) return true;
  const en = normalizeEnglish(raw);
  return scanPhrases(en, ticketActionEn).affirmed && !scanPhrases(en, ticketNegatableEn).negated;
}

export function isResolved(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (resolvedJa.test(raw)) return true;
  const en = normalizeEnglish(raw);
  const scan = scanPhrases(en, resolvedEn);
  return scan.affirmed && !scan.negated && !scanPhrases(en, stillEn).affirmed;
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
