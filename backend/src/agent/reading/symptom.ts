/**
 * A one-line symptom for the ticket summary, taken from the sentence that describes the problem
 * rather than the first sentence: greetings ("good morning all"), pleasantries ("hope you're
 * well"), requests ("can someone call me?") and context clauses ("本日締め切りの資料があるのに、")
 * are passed over. English and Japanese.
 */

const MAX_SYMPTOM = 100;

const greeting = new RegExp(
  '^(?:(?:hi|hello|hey|hiya|yo|greetings|dear (?:it|support|team|help ?desk|colleagues)|good (?:morning|afternoon|evening|day)|morning|afternoon|evening|help(?! ?desk)|please help|pls help|help me|urgent|fyi|sorry to bother(?: you)?|sorry|quick question|question|ok(?:ay)?(?: so)?|so|um+|uh+|well|basically|anyway|ugh+|argh+)' +
    '(?:\\s+(?:all|team|everyone|everybody|guys|folks|there|it|it team|support|helpdesk|again|once again))?(?![\\p{L}\\p{N}])' +
    '|こんにちは|こんばんは|おはようございます|お疲れ様です|お疲れさまです|おつかれさまです|お世話になっております|お世話になります|すみません|すいません|失礼します|恐れ入ります(?:が)?|いつもありがとうございます|お忙しいところ(?:恐縮ですが|すみません|失礼します)?|助けてください|あの(?:ー|～)?|えっと|ちょっと(?=相談|質問))' +
    '[\\s,!:;.、。！-]*',
  'iu',
);

/** Sentences that say nothing about the problem. */
const pleasantry =
  /^(?:hope (?:you(?:'re| are)|all is|everyone is) (?:well|good|doing well)|how are you|thanks?(?: you)?(?: (?:in advance|so much))?|thank you|cheers|regards|best|i need (?:some )?help|need (?:some )?help|can (?:you|someone|anyone) help(?: me)?|i have a (?:quick )?(?:problem|question|issue)|i(?:'ve| have) got a (?:problem|issue)|got a problem|quick one|not sure who to ask|よろしくお願い(?:します|いたします|致します)|ありがとうございます|困っています|困ってます|相談です|質問です|ちょっと困ってるんですけど|ちょっと困っています)$/iu;

/** Requests and urgency at the end of a sentence: the ticket shows them elsewhere. */
const trailingAsk =
  /(?:\s*[,;:–—-]\s*|\s+)(?:(?:it(?:'s| is) )?(?:urgent|asap|an emergency)|please help|pls help|help(?: me)?(?: please| pls)?|any ideas|what (?:should|can|do) i do|(?:can|could) (?:you|someone|anyone|somebody)(?: from it)? (?:please )?(?:help|call|look|check|fix|come|send|take)[^,.!?]*|please (?:fix|advise|help|check|call|look)[^,.!?]*)[!?.]*$/i;

/** Trailing asides that the ticket shows elsewhere: the machine it happens on. */
const machineAside =
  /\s+(?:on|with|from) (?:my|the|our|a) (?:work |company |new |old )?(?:windows |mac |dell |hp |lenovo )?(?:laptop|pc|computer|desktop|macbook(?: air| pro)?|mac|phone|iphone|ipad|pixel|galaxy)(?:\s+(?:\d+\w*|pro|max|mini|air|plus)){0,2}\b(?=\s*$|\s*[,.;:!?)]|\s+(?:and|but|since|when|after|before|while|again|today|now|anymore|any ?more)\b)/gi;

const PROBLEM_EN =
  /\b(?:not|no longer|never|can'?t|cannot|won'?t|doesn'?t|isn'?t|aren'?t|didn'?t|unable|fail(?:s|ed|ing|ure)?|error|crash(?:es|ed|ing)?|freez(?:e|es|ing)|frozen|hang(?:s|ing)?|slow|stuck|broken|broke|keeps?|kept|drops?|dropp(?:ed|ing)|disconnect(?:s|ed|ing)?|missing|disappeared|lost|denied|locked|expired|black|blank|blue ?screen|bsod|flicker(?:s|ing)?|noise|jam(?:med)?|stopped|problem|issue|wrong|asks? (?:me )?for|prompt|loop|nothing|gone|dead|overheat(?:s|ing)?|beep(?:s|ing)?|won't)\b/i;
const PROBLEM_JA =
  /ない|ません|できず|エラー|落ち|固ま|遅い|重い|重く|止ま|つながら|繋がら|映らな|消え|開けな|届かな|失敗|ロック|切れ|おかしい|不具合|反応(?:し|が)|壊れ|故障|使えな|ノイズ|途切れ|フリーズ|詰まり|出ず|ダメ|だめ|繰り返|青い画面|ブルースクリーン|真っ(?:黒|白|暗)|点滅|勝手に|聞こえ|映ら|見られ|入れな|ログインでき|サインインでき/;

/** A sentence that asks for something rather than describing the problem. */
const REQUEST =
  /^(?:can|could|would|will) (?:you|someone|somebody|anyone|i)\b|^(?:please|pls|plz)\b|(?:もらえ(?:ません|ます)か|いただけ(?:ません|ます)か|ください|お願いします|お願いいたします|ほしいです|欲しいです|したいです|でしょうか)$/i;

const hasProblem = (s: string) => PROBLEM_EN.test(s) || PROBLEM_JA.test(s);

/** What a request asks for: access, a licence, software, equipment. */
const REQUESTED_THING =
  /\b(?:access|permissions?|licen[cs]es?|install(?:ed|ing)?|subscription|(?:new|another|second|extra|spare) (?:laptop|monitor|screen|phone|headset|keyboard|mouse|dock(?:ing station)?))\b|アクセス|権限|ライセンス|インストール|導入|貸し?出し|新しい(?:PC|パソコン|モニター|スマホ)/i;

const REQUEST_LEAD =
  /^(?:(?:can|could|may) (?:i|we) (?:please )?(?:get|have|request|be given)|i(?:'d| would) like(?: to (?:get|have|request))?|i need(?: to get)?|we need|please (?:give|grant) (?:me|us)|please (?:install|set up)|(?:can|could) you (?:please )?(?:install|set up)|(?:can|could) (?:you|someone) (?:please )?(?:give|grant) (?:me|us))\s+/i;

const withoutRequestLead = (s: string): string => {
  const rest = s.replace(REQUEST_LEAD, '').replace(/[\s,]+(?:please|pls|plz)$/i, '');
  return rest === s ? s : rest.charAt(0).toUpperCase() + rest.slice(1);
};

function stripLead(sentence: string): string {
  let s = sentence.trim();
  for (let i = 0; i < 4; i++) {
    const next = s.replace(greeting, '').trim();
    if (next === s) break;
    s = next;
  }
  return s;
}

function clean(sentence: string): string {
  let s = stripLead(sentence)
    .replace(/[.!?。！？\s…]+$/u, '')
    .replace(trailingAsk, '')
    .replace(trailingAsk, '')
    .replace(machineAside, '')
    .trim();
  s = s.replace(/[\s,;:、-]+$/u, '');
  return pleasantry.test(s) ? '' : s;
}

/** Japanese context before the problem: "本日締め切りの資料があるのに、プリンターが止まりました". */
function problemClause(sentence: string): string {
  const parts = sentence.split(/(?<=(?:のに|ので|けど|けれど|けれども|ですが|ますが|んですが|が))、/u);
  if (parts.length < 2 || hasProblem(parts[0] ?? '')) return sentence;
  const at = parts.findIndex((p) => hasProblem(p));
  return at > 0 ? parts.slice(at).join('、') : sentence;
}

/** The sentence that describes the problem, without greetings or asides, at most 100 characters. */
export function describeSymptom(text: string): string {
  const sentences = text
    .normalize('NFKC')
    .split(/(?<=[.!?])\s+|(?<=[。！？])\s*(?=\S)|\n+/u)
    .map(clean)
    .filter((s) => s.length >= 2);
  const isAsk = (s: string) => REQUEST.test(s);
  const chosen =
    sentences.find((s) => hasProblem(s) && !isAsk(s)) ??
    sentences.find(hasProblem) ??
    // A request's ask is its content ("could I get access to the HR drive? Tom approved it").
    sentences.filter((s) => REQUESTED_THING.test(s)).map(withoutRequestLead)[0] ??
    sentences.find((s) => !isAsk(s)) ??
    sentences[0] ??
    text.trim();
  return cut(problemClause(chosen).replace(/^(?:my|our) (?=\S)/i, ''));
}

function cut(text: string): string {
  if (text.length <= MAX_SYMPTOM) return text;
  const head = text.slice(0, MAX_SYMPTOM - 1);
  const space = head.lastIndexOf(' ');
  return `${(space > MAX_SYMPTOM / 2 ? head.slice(0, space) : head).trimEnd()}…`;
}
