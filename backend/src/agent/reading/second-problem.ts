/**
 * A second problem mentioned while another is open ("also my monitor flickers", 「あと、別件なんですけど
 * …」), and the employee's answer to "Is this a new problem, or part of the X one?". A different
 * problem needs clear evidence: a marker such as "also" or 「別件」 and words that route to another
 * playbook, or a full description that routes strongly elsewhere and says nothing about the steps.
 */
import type { KnowledgeBase } from '../../knowledge/ports.js';
import type { Problem } from '../state.js';
import { normalizeEnglish, scanPhrases } from './text-signals.js';

/** Routing score a marked second problem needs; unmarked, it needs `STRONG_SCORE`. */
const MARKED_SCORE = 4;
const STRONG_SCORE = 12;

const markerEn =
  /\b(?:also|as well|too|separately|another (?:thing|issue|problem|question)|one more (?:thing|issue|problem)|unrelated|different (?:issue|problem|thing)|second (?:issue|problem)|btw|by the way|on top of that|in addition|additionally|plus|while i have you|while i am here|oh and|and now)\b/;
const markerJa =
  /別件|別の(?:問題|話|件|トラブル)|ついでに|もう一つ|もうひとつ|他にも|ほかにも|加えて|あわせて|併せて|話は変わ|関係ない(?:かも)?(?:ですが|けど|んですが)|^(?:あと|それと|それから|また|さらに)|[。、]\s*(?:あと|それと|それから)/;

/** Words that report on steps: such a message is feedback first. */
const feedbackWords =
  /\b(?:tried|did|done|restarted|rebooted|reinstalled|cleared|step|steps|still|same|no change|no luck|that|suggested|you said|like you said)\b|手順|やって|試し|再起動|まだ|同じ|変わ/;
/** Words that say something was done with the steps: "also cleared the queue" is never a second problem. */
const stepWords =
  /\b(?:tried|did|done|restarted|rebooted|reinstalled|installed|updated|upgraded|cleared|deleted|removed|reset|changed|switched|swapped|replaced|unplugged|replugged|plugged|reconnected|checked|disabled|enabled|turned|ran|signed|logged|followed|step|steps|suggested|you said)\b|手順|やって|やりました|試し|再起動し|更新し|削除し|確認し|入れ直し|差し直し|変更し|切り替え/;

export interface SecondProblemMatch {
  category: Problem['category'];
  playbookId: string;
}

/** The other problem the message clearly describes, or undefined. */
export function detectSecondProblem(
  text: string,
  problem: Problem,
  knowledge: KnowledgeBase,
): SecondProblemMatch | undefined {
  const whole = text.normalize('NFKC').trim();
  const marked = markerEn.test(normalizeEnglish(whole)) || markerJa.test(whole);
  // "restarted, still the same. also my monitor flickers": only the words from the marker on.
  const raw = marked ? fromMarker(whole) : whole;
  const en = normalizeEnglish(raw);
  const words =
    (raw.match(/[A-Za-z]{2,}/g) ?? []).length + (raw.match(/[\u3040-\u30ff\u4e00-\u9fff]/gu) ?? []).length / 3;
  // "swapped the toner too" reports a step; "checked that. also my email won't sync" opens one:
  // only the sentence that holds the marker counts.
  const markedSentence = marked ? sentenceWithMarker(whole) : whole;
  if (marked && (stepWords.test(normalizeEnglish(markedSentence)) || stepWords.test(markedSentence))) return undefined;
  const feedback = feedbackWords.test(en) || feedbackWords.test(raw);
  if (!marked && (words < 5 || feedback)) return undefined;
  const match = knowledge.route(raw);
  if (!match || match.score < (marked ? MARKED_SCORE : STRONG_SCORE)) return undefined;
  // Another playbook of the same category counts only when nothing in the message reports on steps.
  const isOther =
    match.category !== problem.category || (marked && !feedback && !problem.playbookIds.includes(match.playbook.id));
  return isOther ? { category: match.category, playbookId: match.playbook.id } : undefined;
}

function sentenceWithMarker(text: string): string {
  const sentences = text.split(/(?<=[.!?。！？])\s*/u).filter(Boolean);
  return sentences.find((s) => markerEn.test(normalizeEnglish(s)) || markerJa.test(s)) ?? text;
}

function fromMarker(text: string): string {
  const ja = new RegExp(markerJa.source.replace(/\^/g, '(?:^|[。、！？!?\\s])')).exec(text);
  if (ja) return text.slice(ja.index);
  const lower = text.toLowerCase().replace(/[’‘`]/g, "'");
  const en = new RegExp(markerEn.source, 'i').exec(lower);
  return en ? text.slice(en.index) : text;
}

export type WhichProblem = 'new' | 'same' | 'unsure';

const newEn = [
  /\b(?:new|separate|separately|different|another|unrelated|second|other|its own|own ticket|two (?:problems|issues|things)|split)\b/,
];
const sameEn = [
  /\b(?:same|part of|related|connected|linked|together|one (?:problem|issue|thing)|caused by|because of|probably (?:the )?same)\b/,
];
const unsureEn = /\b(?:not sure|no idea|do not know|dunno|maybe|who knows|could be either|hard to say)\b/;
const newJa = /別(?:の|件|問題|物|です|々|で)|新しい|新規|違う|違います|関係な|無関係|関連(?:は)?(?:な|ありません)/;
const sameJa = /同じ|一部|関係(?:が|は)?あ|関連(?:して|があ|あり|する)|つながって|繋がって|一緒|セットで|同一|原因/;
const unsureJa = /わから|分から|わかりません|分かりません|どうだろう|どちらとも|かも/;

/** The answer to "Is this a new problem, or part of the X one?"; undefined when it is not one. */
export function readWhichProblem(text: string): WhichProblem | undefined {
  const raw = text.normalize('NFKC').trim();
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(raw)) {
    if (newJa.test(raw) && !/同じ|一部/.test(raw)) return 'new';
    if (sameJa.test(raw)) return 'same';
    return unsureJa.test(raw) && raw.length < 30 ? 'unsure' : undefined;
  }
  const en = normalizeEnglish(raw);
  const isNew = scanPhrases(en, newEn);
  const isSame = scanPhrases(en, sameEn);
  // "not the same" / "not related" is new; "not a new one" / "not separate" is the same.
  const saysNew = (isNew.affirmed && !isSame.affirmed) || (isSame.negated && !isNew.affirmed);
  const saysSame = (isSame.affirmed && !isNew.affirmed) || (isNew.negated && !isSame.affirmed);
  if (saysNew && !saysSame) return 'new';
  if (saysSame && !saysNew) return 'same';
  return unsureEn.test(en) && en.split(' ').length <= 8 ? 'unsure' : undefined;
}
