/**
 * Requests for a ticket or for a person, in English and Japanese: "ticket pls", "log it with IT",
 * "can someone from IT call me?", 「チケットにしてもらえますか」, 「担当者と話したい」. Only an asserted,
 * un-negated request counts. A request leads to an offer, never straight to a ticket: consent is
 * read at the offer.
 */
import { clausesOf, normalizeEnglish, scanPhrases } from './text-signals.js';

/**
 * English with the IT department spelled as one token: "IT" in capitals, "the IT team", "helpdesk"
 * become `itdept`, so "log it with IT" is not read as "log it with it".
 */
export function requestText(text: string): string {
  const marked = text
    .normalize('NFKC')
    .replace(/(?<![A-Za-z])I\.?T\.?(?![A-Za-z'’])/g, ' itdept ')
    .replace(/\b(?:情シス|情報システム部?)/g, ' itdept ');
  return normalizeEnglish(marked)
    .replace(/\bit (?:support|team|dept|department|guys|folks|people|staff|desk|helpdesk|help desk)\b/g, 'itdept')
    .replace(/\b(?:the )?(?:itdept )?(?:help ?desk|service ?desk|tech support|support team|support desk)\b/g, 'itdept')
    .replace(/\bitdept (?:support|team|dept|department|guys|folks|people|staff)\b/g, 'itdept');
}

const WHO =
  '(?:itdept|someone|somebody|anyone|anybody|a tech(?:nician)?|tech support|support|a person|a human|an? (?:it )?engineer|an admin)';
const ONTO = '(?:with|to|over to|up with|on to|onto|for)';
const TICKET = '(?:ticket|tix|tkt|case|incident|support request)';

const ticketEn: RegExp[] = [
  new RegExp(
    `\\b(?:create|open|raise|file|log|submit|make|start|send|put in|put|lodge|write up|escalate|do|get|cut|issue|report)\\b(?:\\s+\\S+){0,3}?\\s*\\b${TICKET}s?\\b`,
  ),
  new RegExp(`\\b${TICKET}\\s+(?:please|pls|plz|pl[sz]?|thanks|thx|it is|then|for (?:this|it|me))\\b`),
  new RegExp(`^(?:a\\s+)?${TICKET}[\\s!.]*$`),
  new RegExp(
    `\\b(?:want|need|like|get|have|prefer|request)\\b(?:\\s+\\S+){0,2}?\\s*\\b(?:a|an|the|one)\\s+${TICKET}\\b`,
  ),
  new RegExp(
    `\\b(?:log|raise|file|report|escalate|pass|send|hand|forward|flag|refer|give|take|bring|kick|push)\\s+(?:it|this|that|this one|the issue|the problem|this issue|this problem|me)?\\s*(?:on\\s+|up\\s+|along\\s+|over\\s+)?${ONTO}\\s+(?:the\\s+)?itdept\\b`,
  ),
  new RegExp(
    `\\b(?:escalate|log|raise|file|report)\\s+(?:it|this|that)(?:\\s+(?:please|pls|plz|for me|then|now))?[\\s!.]*$`,
  ),
  /\b(?:log|raise|file|report|escalate|flag|open|submit)\s+(?:it|this|that|one)\s+(?:as|with priority|at)\s+(?:an?\s+)?(?:urgent|high|highest|priority|critical|p1|p2|medium|low)\b/,
  /\b(?:get|have|send|take)\s+(?:it|this|that|my \w+|the \w+)\s+(?:repaired|fixed by itdept|replaced|swapped|looked at)\b|\b(?:send|book|arrange|request)\s+(?:it\s+|this\s+)?(?:in\s+)?for\s+(?:a\s+)?(?:repair|replacement)\b|\b(?:need|want|like|request)\s+(?:a\s+)?(?:repair|replacement|loaner|loan laptop)\b/,
  new RegExp(
    `\\b(?:can|could|would|will|should|shall|pls|please|let|may)\\s+(?:i\\s+get\\s+|we\\s+get\\s+|you\\s+get\\s+|you\\s+have\\s+)?${WHO}(?:\\s+(?:from|in|at|on)\\s+itdept)?\\s+(?:to\\s+)?(?:take(?!\\s+(?:long|time|a while|ages|forever|\\d))|look|check|handle|sort|fix|deal|have a look|come|help|see to|investigate|review|get on|jump on|pick)\\b`,
  ),
  new RegExp(
    `\\b(?:get|have|ask|want|need|like|involve|bring in|loop in)\\s+${WHO}(?:\\s+(?:from|in|at)\\s+itdept)?\\s+(?:to\\s+)?(?:look|check|take|handle|sort|fix|deal|come|help|see|on it|on this|involved|have a look|investigate)\\b`,
  ),
  /\b(?:send|pass|hand|give|forward|escalate)\s+(?:it|this|that)\s+(?:on|over|along|up)\b/,
  /\bitdept\s+(?:ticket|request)\b/,
  /\bescalat(?:e|ed|ing|ion)\b|\blog (?:a|the) call\b|\bover to itdept\b/,
  /\b(?:want|need|like|get|have)\s+(?:this|it|that)\s+(?:escalated|logged|raised|looked at|checked out|seen to|reported)\b/,
  /\bitdept\s+(?:needs? to|should|has to|must|to|could|can)\s+(?:look|check|see|take|handle|fix|deal|investigate|sort)\b/,
  new RegExp(`\\bas an?\\s+${TICKET}\\b`),
  /\b(?:go|goes|get|be sent|be passed|be escalated|be logged|be raised|be filed|be reported|went)\s+(?:to|with|over to|up to)\s+itdept\b/,
  /\b(?:someone|somebody|itdept)\s+(?:from|in)\s+itdept\s+on\s+(?:it|this)\b/,
];

const personEn: RegExp[] = [
  /\b(?:talk|speak|chat)\s+(?:to|with)\s+(?:a\s+|an\s+|the\s+|your\s+|some\s+)?(?:real\s+|actual\s+|live\s+)?(?:human|person|people|someone|somebody|technician|tech|agent|operator|rep|representative|staff|engineer|itdept|support|support agent|person in itdept|specialist|expert)\b/,
  /\b(?:real|actual|live)\s+(?:person|human|agent|people|being)\b/,
  /\b(?:a|an|the|some|real|actual|live)\s+human\b|\bhuman\s+(?:being|agent|support|help|please|pls)\b|^human[\s!.]*$/,
  /\b(?:call|ring|phone)\s+me\b|\bgive me a (?:call|ring)\b|\bcall me back\b|\bcallback\b/,
  /\b(?:someone|somebody|a person|a tech(?:nician)?|an agent|itdept)(?:\s+(?:from|in|at)\s+itdept)?\s+(?:to\s+|can\s+|could\s+|who can\s+)?(?:call|ring|phone|contact|reach out|get in touch|come (?:over|by|to my desk)|visit)\b/,
  /^(?:an?\s+|the\s+)?(?:operator|agent|human|person|technician|real person)(?:\s+(?:please|pls|plz|now))?$/,
  /\b(?:get|find)\s+me\s+(?:a|an|some)?\s*(?:real\s+)?(?:person|human|agent|technician|someone|somebody)\b/,
  /\b(?:is there|are there)\s+(?:a|an|any)?\s*(?:support\s+)?(?:person|human|agent|technician|someone|somebody|people)\b/,
  /\b(?:support\s+)?agent\s+i\s+can\s+(?:speak|talk)\s+to\b/,
  /\b(?:someone|somebody|a person|a human|a tech(?:nician)?|an agent|itdept)\s+on the (?:phone|line)\b|\bput me through\b|\bconnect me (?:with|to)\b|\bnumber i can (?:call|ring)\b/,
  /\b(?:a|an|some|real|actual)\s+(?:person|human|technician|tech|engineer|someone)\s+(?:would be|is|'d be|will be)\s+(?:better|preferable|nicer|best|easier|good)\b|\bprefer\s+(?:to\s+(?:talk|speak|chat)\s+(?:to|with)\s+|talking to\s+|speaking to\s+|speaking with\s+)?(?:a|an|some|real)\s+(?:person|human|technician|engineer)\b/,
  /\bnot\s+(?:a|this)\s+(?:bot|chatbot|robot)\b|\binstead of (?:a|the|this)\s+(?:bot|chatbot)\b|\bno more bot\b/,
];

const negatedJa =
  /(?:チケット|起票|作成|担当|連絡|電話).{0,8}(?:不要|いらない|要らない|いりません|要りません|しないで|しなくて|なくていい|なくて大丈夫|やめて|結構)|(?:て|で)(?:くれ|もらい|いただき)(?:ました|てました|てます|てい(?:ました|ます|た)|た(?!い|く|かっ))|済み|済です/;

const ticketJa =
  /チケット(?:を|の|に|で|って|も)?(?:作成|作っ|作り|作れ|作ろ|切っ|切り|切れ|発行|登録|起票|お願い|おねがい|出し|出せ|出して|上げ|あげ|にして|にし|に(?:でき|なり)|化|で依頼|で対応|で(?:お願い|頼)|を?頼|を?依頼|下さい|ください|ほしい|欲しい|希望)|起票(?:を)?(?:お願い|して(?:ください|下さい|もらえ|いただけ|ほしい|欲しい|もらいたい|もらって)|したい|希望|で(?:お願い|依頼)|(?:して)?(?:もらえ|いただけ))|^起票[\s。！!]*$|チケット(?:で|に|を)?[\s。！!…、]*$|(?:作成|登録)(?:して(?![たいあおもる])|し(?:て)?(?:もらえ|いただけ|ください|ほしい))|修理(?:を|の)?(?:お願い|依頼|手配|申し込|頼|して(?:ほしい|欲しい|もらいたい|もらえ|いただけ))|(?:修理|対応|調査)に出(?:したい|して)|依頼を?出(?:し|せ)|(?:itdept|IT|ＩＴ|情シス|ヘルプデスク|サポート)(?:部門|部|の方|の人|担当|チーム|窓口)?(?:に|で|へ|の方で)(?:見て|みて|対応|連絡|相談|上げ|あげ|依頼|お願い|エスカレ|回して|報告|投げ|確認|調査|引き継|つな|繋)|エスカレ(?:ーション)?(?:して|を?お願い|したい)|に回して(?:ください|下さい|もらえ|いただけ|ほしい)|依頼(?:したい|します|を?お願い)|(?:見て|対応して|調べて|確認して)(?:もらえ|いただけ|ほしい|欲しい|もらいたい|いただきたい)/;

const personJa =
  /担当(?:者|の方|の人|者様)?(?:さん)?(?:と|に|へ)?(?:直接)?(?:話|お話|相談|連絡|つな|繋|代わ|かわ|電話)|担当(?:者|の方|の人)(?:さん)?(?:に|へ)(?:お願い|頼み|見て|みて|対応|任せ|来て)|人(?:間)?(?:と|に)(?:直接)?(?:話|お話|相談|対応|見て|代わ|かわ|つな|繋)|人間|オペレーター|オペレータ|有人|電話(?:して|で|を|もらえ|ください|下さい|いただけ|ほしい|欲しい|をお願い|で(?:話|相談|連絡))|折り返し|直接(?:話|お話|相談|連絡|来て)|誰か(?:に|と|が)?(?:電話|来て|見に来|対応|話|連絡|相談)|(?:担当|担当者|担当の(?:方|人)|人|誰か|詳しい(?:人|方)|技術者|エンジニア|サポートの(?:方|人))を?(?:呼んで|呼べ|呼び|よこして|寄越して)|(?:詳しい|わかる|分かる)(?:人|方)|(?:サポート|情シス|IT|ＩＴ|ヘルプデスク)の(?:方|人|担当)(?:と|に)|(?:チャット)?ボット(?:じゃ|では)な|見に来て|来てもらえ|来ていただけ/;

/** The message with the request phrases blanked, to see whether a problem is described besides. */
const stripEn = [...ticketEn, ...personEn].map((p) => new RegExp(p.source, 'g'));

const negatableEn = [/\b(?:create|open|raise|file|log|submit|make|need|want|bother|escalate|ticket|call|talk|speak)\b/];

/** Some clause asks (by these patterns) without negating it in the same clause: "no luck, ticket pls". */
function asksInSomeClause(en: string, patterns: readonly RegExp[]): boolean {
  return clausesOf(en).some((clause) => {
    const asked = scanPhrases(clause, patterns).affirmed;
    return asked && !scanPhrases(clause, negatableEn).negated;
  });
}

/** "create a ticket", "log it with IT", 「起票して」 — asserted, not negated. */
export function isTicketRequest(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (negatedJa.test(raw)) return false;
  if (ticketJa.test(raw) || personJa.test(raw)) return true;
  const en = requestText(raw);
  return asksInSomeClause(en, ticketEn) || asksInSomeClause(en, personEn);
}

/** "can I talk to a person?", 「担当者と話したい」, 「誰か電話してもらえませんか」. */
export function isPersonRequest(text: string): boolean {
  const raw = text.normalize('NFKC');
  // 「担当者に連絡済みです」 reports what was done; it asks for nobody.
  if (negatedJa.test(raw)) return false;
  if (personJa.test(raw)) return !/(?:話|相談|電話|連絡).{0,6}(?:不要|しなくて|いらない|結構)/.test(raw);
  return asksInSomeClause(requestText(raw), personEn);
}

/** What is left of the message once its requests are taken out, e.g. the problem in an opener. */
export function withoutRequests(text: string): string {
  const raw = text.normalize('NFKC');
  if (/[\u3040-\u30ff\u4e00-\u9fff]/u.test(raw)) {
    return raw.replace(new RegExp(`(?:${ticketJa.source}|${personJa.source})[^。！？!?]*`, 'g'), ' ').trim();
  }
  let en = requestText(raw);
  for (const pattern of stripEn) en = en.replace(pattern, ' ');
  return en.replace(/\s+/g, ' ').trim();
}
