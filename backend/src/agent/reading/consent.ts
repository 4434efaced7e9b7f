/**
 * Consent and refusal, English and Japanese, read clause by clause so that the employee's last
 * word decides ("no wait, yes please" consents; "yes… actually no" refuses). Thanks alone, or
 * thanks with "I already reported it", is not consent. An explicit "don't create a ticket"
 * always refuses: no ticket is ever made that the employee turned down.
 */
import { requestText } from './requests.js';
import { clausesOf, scanPhrases } from './text-signals.js';

export type Decision = 'yes' | 'no' | undefined;

const strongYesEn =
  /^(?:(?:actually|hmm+|well|then|sorry|on second thoughts?|on reflection|you know what|in that case)\s+)*(?:yes|yeah|yea|yep|yup|ya|yass?|sure|absolutely|definitely|of course|certainly|please do|please go ahead|go ahead|go for it|go|do it|do that|sounds good|sounds great|sounds fine|sounds perfect|why not|correct|y|affirmative|by all means|let us do (?:it|that|this|the ticket)|lets do (?:it|that|this|the ticket)|let's do (?:it|that|this|the ticket)|that'd be (?:great|good|helpful|nice|perfect)|that'd help|that would help|please|pls|plz|proceed|make it so|that would be (?:great|good|helpful|nice)|would be (?:great|good|helpful)|fine by me|works for me|good idea|i would like that|i'd like that|i'd appreciate|i would appreciate|ok do it|ok go|okay go|alright go|right go|i guess so|i suppose so|guess so|i guess$|i suppose$|if you must|if you think so|y not)\b/;
const weakYesEn =
  /^(?:ok|okay|k|kk|alright|all right|fine|great|perfect|cool|good|nice|awesome|excellent|lovely|brilliant|right)\b/;
const actionEn = [
  /\b(?:create|open|raise|file|log|submit|make|send|put in|escalate|lodge|start|do)\s+(?:it|one|that|the ticket|a ticket|the case|this|a case|them)\b/,
  /\bgo ahead\b|\bdo it\b|\bplease do\b|\bgo for it\b|\bproceed\b/,
];
const thanksEn = /\b(?:thanks|thank you|thank u|thx|ty|tysm|cheers|much appreciated|appreciate it)\b/;

const declineClauseEn =
  /^(?:(?:hmm+|um+|uh+|oh|ah|wait|hold on|actually|sorry|ok|okay)\s+)*(?:no|nope|nah|naw|not now|not yet|not really|not needed|not necessary|not at the moment|not at this time|not this time|no thanks|no thank you|never ?mind|nvm|forget it|forget about it|cancel|cancel that|skip|skip it|hold off|leave it|no need|i am good|i'm good|im good|i will pass|i'll pass|pass|maybe later|later|stop|no ticket)\b(?!\s+(?:rush|hurry|problem|worries|pressure|idea|luck|change|difference|doubt|worry))/;
const declineAnywhereEn = [
  /\bdo not\b(?!\s+(?:worry|forget|wait|hesitate|delay|know|think|see|mind))/,
  /\b(?:rather not|not needed|not necessary|unnecessary|hold off|leave it|let it be|never ?mind|not now|not yet|not for now|not right now|not today|no ticket|without a ticket|skip the ticket|maybe later|some other time|another time|no need(?! to (?:rush|hurry|wait))|not worth it|do not worry about it|no worries about it|wait and see|let us wait|let's wait|lets wait)\b/,
  /\blet me (?:try|check|see|wait|ask|look|restart|reboot|do|talk|confirm)\b.*\b(?:first|before|myself|again|later)\b/,
  /\bi(?: will|'ll| am going to| am gonna|'m going to|'m gonna| want to| would like to|'d like to| would rather|'d rather| can| think i will| think i'll)\s+(?:try|check|wait|see|ask|look|restart|reboot|give it|handle|sort|deal|do|manage|figure|call|phone|ring|email|contact|talk|speak)\b.*\b(?:first|myself|later|after|tomorrow|again|a bit|a while|on my own|for now|and see|see how|see if|directly|instead)\b/,
  /\b(?:i can manage|handle it myself|sort it myself|figure it out myself|do it myself)\b/,
];
const negatableEn = [
  /\b(?:create|open|raise|file|log|submit|make|bother|escalate|ticket|go ahead|do it|proceed)\b/,
  /\b(?:need|want)\b(?=\s+(?:a |the |one|it|any|this)?\s*(?:ticket|case|one|it|that|this)\b)/,
];

/** Someone already reported it, or the employee is done: thanks without consent. */
const reportedEn =
  /\balready\b.*\b(?:reported|raised|opened|filed|logged|submitted|called|emailed|told|contacted|informed|escalated|created|made|sent|mentioned|on it|has one|have one|got one|in touch|handling|aware|knows?|done)\b|\b(?:reported|raised|opened|filed|logged|submitted|called|emailed|told|contacted|informed|escalated)\b.*\balready\b|\b(?:someone|somebody|a colleague|my colleague|my teammate|a teammate|my boss|my manager|my lead|my team|another person|a coworker|my coworker|(?:he|she|they) (?:has|have|had|already))\s+(?:has\s+|have\s+|had\s+|already\s+|just\s+|also\s+)*(?:reported|raised|opened|filed|logged|submitted|informed|called|told|contacted|emailed|created|made|sent|put in|has (?:a|one)|got (?:a|one))\b|\bthere is already (?:a|one)\b|\bis already (?:reported|logged|known|open)\b/;
const closingEn =
  /\b(?:that is all|that's all|that is it|thats all|all for now|nothing else|i am good|i'm good|im good|i am fine|we are good|i am all set|all set|no more|that will be all|that'll be all|that is everything)\b/;
const reportedJa =
  /(?:報告|起票|連絡|申請|問い合わせ|対応)済み?|もう(?:報告|起票|連絡|申請|チケット|問い合わせ)|既に|すでに(?:報告|起票|連絡|チケット|問い合わせ)|(?:上司|同僚|先輩|後輩|チームの人|同じチーム|部長|課長|リーダー|他の人|別の人|誰か|マネージャー)が?.*(?:報告|起票|連絡|チケット|問い合わせ)(?:して|済|し|を)|(?:電話|メール)で(?:報告|連絡|問い合わせ)(?:しました|済み|しています|してあります|した)|(?:すでに|既に|もう)[^。？?]{0,20}(?:報告|起票|連絡|問い合わせ|相談)(?:して|し)(?:くれ|もらい|もらっ|まし|てい|てあ|た)|(?:の方|の人|さん|方|人|誰か)が[^。？?]{0,20}(?:報告|起票|連絡|問い合わせ|チケット(?:を)?作成)(?:して|し)(?:くれ(?:て(?:い)?)?(?:ました|た)|くれてた|もらいました|ました|た|てい(?:ました|た)|てあり)/;
const closingJa = /以上です|それだけです|(?<!で)大丈夫です|結構です|もう大丈夫|十分です/;
const thanksJa = /ありがと|有難う|助かりました|感謝/;

const declineJa =
  /^(?:いいえ|いえ|いや|結構|けっこう|不要|やめ)(?!、?(?:お願い|ぜひ))|(?<!(?:それ|これ|その内容|この内容|その形|その方向|そちら|こちら)で)(?:結構です|けっこうです)|いりません|要りません|いらない|要らない|不要|必要(?:ない|ありません|なし)|やめて|やめます|やめておきます|やめとき|やめとく|やめよう|しないで|作らないで|作成しないで|まだいい|今はいい|今回は(?:いい|大丈夫|結構|見送|やめ)|遠慮|なくていい|なくて(?:大丈夫|いい|結構|OK)|(?<![でて])大丈夫です(?!か|よ)|(?:もう|やっぱり|やっぱ|やはり|今は|今回は|別に|いや|いえ|あ)[、,]?いいです|考えます|考えさせて|見送|様子を?見|自分で(?:もう少し)?(?:調べ|試|やって|対応|確認|電話|連絡|問い合わせ)|また今度|今度に|次回に|後で(?:にします|にしま|いい|大丈夫|お願い)|あとで(?:にします|いい|大丈夫)|後にします|あとにします|^(?:いや|いえ|もう|あ)?[、,]?いいです[。!！]*$/;
/** A refusal of the ticket itself: no later word overrides it. */
const negatedTicketJa =
  /(?:作ら|作成し|起票し|登録し|出さ)(?:ないで|なくて(?:いい|大丈夫|結構|OK))|(?:チケット|起票|作成)(?:は|も)?(?:不要|いらない|要らない|いりません|要りません|結構)/;
const affirmJa =
  /(?:頼みます|頼む|お任せ|おまかせ)|(?:作成し|起票し|登録し|作っ|出し|進め|上げ)ちゃ(?:って|っていい|ってOK)|そうして(?:ください|下さい|もらえ|いただけ|ほしい|欲しい)|(?:それ|これ|その内容|この内容|その形|そちら|こちら)で(?:結構です|けっこうです|大丈夫です|いいです|OKです|お願い|いきましょう|いこう|進めて)|^(?:(?:じゃあ|じゃ|では|それでは|それじゃあ?|それなら|なら|あ|えっと|うーん|ん+)[、,]?\s*)?(?:どうぞ|はい|ええ|うん|お願い|おねがい|是非|ぜひ|よろしく|了解|オッケー|おっけー|いいですよ|それで|構いません|かまいません|大丈夫です(?:よ|、お願い))|お願い(?:します|いたします|致します|できますか|できれば)?|(?:作成|起票|登録|作っ|発行|出し|進め)(?:て|てください|て下さい|てほしい|て欲しい|てもらえ|ていただけ|てOK|ていい|て大丈夫|て構いません)/i;

/**
 * A clause that asks rather than answers: "what happens after I submit it?", "would a technician
 * come or do it remotely?". Its action words ("submit it", "do it") are part of the question, not
 * consent. Asked of the assistant ("can you file it?", "could we do that?") it is a request instead.
 */
const questionClauseEn =
  /^(?:(?:and|so|but|ok|okay|also|then|sorry|um+|uh+|hmm+|quick question|just curious|just wondering)\s+)*(?:(?:who|what|when|where|why(?!\s+not\b)|how(?!\s+about\b)|which|whose)\b|(?:would|will|can|could|should|shall|may|might|is|are|does|did|was|were)\s+(?:it|that|this|they|he|she|there|anyone|anybody|people|a|an|the|my|our|your|their|technicians?|techs?|engineers?)\b|do\s+(?:i|we|they|people|anyone|technicians?|techs?|engineers?)\b)/;

/** English clauses that state something; questions left out. */
export function statementsOf(en: string): string {
  return clausesOf(en)
    .filter((clause) => !questionClauseEn.test(clause))
    .join(', ');
}

/** A Japanese question about the ticket (誰が, いつ, どのくらい…): never consent, whatever verbs it uses. */
const whQuestionJa = /誰|だれ|何|なに|いつ|どこ|どう|どれ|どの|どんな|なぜ|いくら/;
const askingJa = /[?？]|(?:ですか|ますか|でしょうか|んですか|のですか|んでしょうか)[。]?$|(?:か|の)[。]?$/;
/** 「作ったら」「作れば」: a condition, not a go. */
const conditionalJa = /(?:たら|れば|えば|なら)$/;

export function isJapaneseQuestion(raw: string): boolean {
  return whQuestionJa.test(raw) && askingJa.test(raw.trim());
}

/** Emoji replies read as words: 👍 is a yes, 🙏 a please. */
function withEmojiWords(text: string): string {
  return text.replace(/[👍👌✅✔🆗]\uFE0F?/gu, ' yes ').replace(/🙏/gu, ' please ');
}

function clauseDecision(clause: string, thanked: boolean): Decision {
  if (declineClauseEn.test(clause) || declineAnywhereEn.some((p) => p.test(clause))) return 'no';
  if (scanPhrases(clause, negatableEn).negated) return 'no';
  if (questionClauseEn.test(clause)) return undefined;
  if (strongYesEn.test(clause) || scanPhrases(clause, actionEn).affirmed) return 'yes';
  // "ok" and "great" consent unless the message only thanks: "great, thanks" is not a yes.
  if (weakYesEn.test(clause) && !thanked) return 'yes';
  return undefined;
}

/** The employee's last word on the offer in English: "no wait, yes please" → yes. */
export function englishDecision(text: string): Decision {
  const en = requestText(withEmojiWords(text));
  const thanked = thanksEn.test(en);
  const decisions = clausesOf(en)
    .map((clause) => clauseDecision(clause, thanked))
    .filter((d) => d !== undefined);
  // An explicit "don't create a ticket" refuses whatever came before or after it.
  if (scanPhrases(en, negatableEn.slice(0, 1)).negated && !scanPhrases(en, actionEn).affirmed) return 'no';
  return decisions[decisions.length - 1];
}

/** Japanese, clause by clause; the last word decides, but 「作らないで」 anywhere refuses. */
export function japaneseDecision(raw: string): Decision {
  if (negatedTicketJa.test(raw)) return 'no';
  if (isJapaneseQuestion(raw)) return declineJa.test(raw) ? 'no' : undefined;
  const decisions = raw
    .split(/[、。,.!！?？\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '')
    .map((c): Decision => (declineJa.test(c) ? 'no' : affirmJa.test(c) && !conditionalJa.test(c) ? 'yes' : undefined))
    .filter((d) => d !== undefined);
  return decisions[decisions.length - 1];
}

/** The employee gives a ticket an explicit go: "file it", "go ahead", 「作成してください」. */
export function hasExplicitAction(text: string): boolean {
  const raw = withEmojiWords(text.normalize('NFKC'));
  return (
    scanPhrases(statementsOf(requestText(raw)), actionEn).affirmed ||
    (!isJapaneseQuestion(raw) && /(?:作成|起票|作っ|進め)て|(?:作成し|起票し|作っ|進め)ちゃって/.test(raw))
  );
}

/** "thanks, I already reported it", 「同じチームの人がもう起票してくれてました」: no ticket wanted. */
export function isThanksWithoutConsent(text: string): boolean {
  const raw = text.normalize('NFKC');
  const en = requestText(raw);
  if (reportedEn.test(en) || reportedJa.test(raw)) return true;
  return (thanksEn.test(en) && closingEn.test(en)) || (thanksJa.test(raw) && closingJa.test(raw));
}

/** Thanks and nothing else: not an answer to the offer. */
export function isBareThanks(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  const en = requestText(raw)
    .replace(/[!.,]+/g, ' ')
    .trim();
  return /^(?:(?:ok|okay|great|perfect|cool|thanks|thank you|thx|ty|cheers|so much|a lot|very much|many)\s*)+$/.test(
    en,
  ) && thanksEn.test(en)
    ? true
    : /^(?:ありがとう(?:ございます)?|ありがとうございました|どうも)[。!！]*$/.test(raw);
}

const changeMarkerEn =
  /\b(?:actually|on second thoughts?|second thoughts|changed my mind|change of plans?|thinking about it|after all|come to think of it|you know what|scratch that|i take that back|on reflection|then again|reconsidered|hmm+|wait)\b/;
const changeMarkerJa = /やっぱり|やっぱ|やはり|考え直|気が変わ|思い直|前言撤回|結局|改めて|すみません|すいません/;

/**
 * After "no ticket": "actually, go ahead", 「やっぱりお願いします」. An explicit go counts on its own; a
 * plain "yes" only with a change-of-mind word, since the decline asked nothing.
 */
export function isChangeOfMind(text: string): boolean {
  const raw = withEmojiWords(text.normalize('NFKC')).trim();
  const decision = japaneseDecision(raw) ?? englishDecision(raw);
  if (decision === 'no' || isThanksWithoutConsent(raw)) return false;
  if (hasExplicitAction(raw) || /お願い(?:します|いたします|できますか)?|作成して|起票して|作って/.test(raw))
    return true;
  const en = requestText(raw);
  return decision === 'yes' && (changeMarkerEn.test(en) || changeMarkerJa.test(raw));
}
