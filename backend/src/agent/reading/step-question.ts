/**
 * A question about a step just shown: "I can't find that setting in step 2", "where is that?",
 * 「手順2の設定が見つかりません」, 「ファームウェアの更新ってどうやるんですか？」. Such a message stays on the
 * same problem: the step is explained again, and nothing is recorded as tried.
 */
import { normalizeEnglish } from './text-signals.js';

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  first: 1,
  two: 2,
  second: 2,
  three: 3,
  third: 3,
  four: 4,
  fourth: 4,
  five: 5,
  fifth: 5,
  six: 6,
  sixth: 6,
  seven: 7,
  seventh: 7,
  eight: 8,
  eighth: 8,
  nine: 9,
  ninth: 9,
  ten: 10,
  tenth: 10,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};
const WORD = Object.keys(NUMBER_WORDS).join('|');

const stepRefEn = [
  new RegExp(`\\bstep\\s*(?:#|no\\.?|number)?\\s*(\\d{1,2}|${WORD})\\b`),
  new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+step\\b|\\b(${WORD})\\s+step\\b`),
  /(?:^|\s)#(\d{1,2})\b/,
];
const stepRefJa = [
  new RegExp(`(?:手順|ステップ|項目)\\s*(?:の)?\\s*(\\d{1,2}|[${'一二三四五六七八九十'}])`),
  new RegExp(`(\\d{1,2}|[${'一二三四五六七八九十'}])\\s*(?:番目|つ目|個目|番の手順|番)`),
];

const askEn =
  /\b(?:where|how|what|which)\b|\b(?:can not|could not|unable to) (?:find|see|locate|get to|open)\b|\b(?:do not|does not) (?:see|understand|get|know|have|show|exist|appear)\b|\bnot sure (?:what|how|where|which|if|whether)\b|\bconfus|\bunclear\b|\bnot clear\b|\bexplain\b|\bwhat does\b.*\bmean\b|\bthere is no\b|\bno (?:such|option|setting|button|menu|tab)\b|\bsafe to\b|\b(?:will|would) (?:i|it) (?:lose|delete|remove|wipe)\b|\blost (?:at|on)\b|\bstuck (?:at|on) step\b/;
const askJa =
  /どこ|どう(?:やって|すれば|したら|やる|いう|やれば)|どのように|どうやる|何を|なにを|何の|なんの|どれ|どの(?:ボタン|設定|画面|メニュー)|見つから|見つかりません|見当たら|見当たりません|わから|分から|わかりません|分かりません|意味|って何|ってなん|とは[？?]|やり方|方法|具体的|安全|消えませんか|消えますか|大丈夫(?:です)?か|ありません(?:けど|が)|ないんです|ないです(?:けど|が)?$/;

/** Words that report an outcome: then the message is feedback, not a question about a step. */
const outcomeEn =
  /\b(?:still|same|no change|no luck|did not (?:help|work|change)|does not work|not working|fixed|works now|working now)\b/;
const outcomeJa = /まだ|同じ|直りません|直らな|変わら|直りました|解決しました|ようになりました|効果/;

function numberOf(token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  const n = /^\d+$/.test(token) ? Number(token) : NUMBER_WORDS[token];
  return n !== undefined && n > 0 ? n : undefined;
}

/** The step number the message names ("step 2", "the second step", 「3番目の手順」), if any. */
export function stepNumberIn(text: string): number | undefined {
  const raw = text.normalize('NFKC');
  const en = normalizeEnglish(raw);
  for (const pattern of [...stepRefJa.map((p) => ({ p, s: raw })), ...stepRefEn.map((p) => ({ p, s: en }))]) {
    const m = pattern.p.exec(pattern.s);
    const n = m ? numberOf(m.slice(1).find((g) => g !== undefined)) : undefined;
    if (n !== undefined) return n;
  }
  return undefined;
}

/** True for a question about how to do a step, as opposed to a report on how it went. */
export function isStepQuestion(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  const en = normalizeEnglish(raw);
  const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/u.test(raw);
  const isQuestion = /[?？]/.test(raw) || /(?:か|かね|でしょうか|んですか)[。]?$/.test(raw);
  // "is step 2 for Mac too?": a question that names a step is about it.
  const asks = japanese ? askJa.test(raw) : askEn.test(en);
  if (!asks && !(isQuestion && stepNumberIn(raw) !== undefined)) return false;
  if (japanese ? outcomeJa.test(raw) : outcomeEn.test(en)) return false;
  const names = stepNumberIn(raw) !== undefined || /\b(?:step|setting|option|button|menu|page|tab|link)s?\b/.test(en);
  const cantFind =
    /\b(?:can not|could not|unable to) (?:find|see|locate)\b|見つから|見つかりません|見当たら|見当たりません|ありません(?:けど|が)|ないんです/.test(
      japanese ? raw : en,
    );
  return names || cantFind || isQuestion;
}
