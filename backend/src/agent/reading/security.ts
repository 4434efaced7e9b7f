/**
 * Security readings beyond the urgent incidents of urgent-issue.ts: a suspicious email or message
 * the employee has not acted on (reporting guidance, not an urgent ticket), and a later message
 * admitting that they did act on it after all ("actually I clicked it", 「開いてしまいました」).
 */
import { normalizeEnglish, scanPhrases } from './text-signals.js';
import type { UrgentKind } from './urgent-issue.js';

const suspiciousEn: RegExp[] = [
  /\b(?:suspicious|phishing|phishy|phish|scam|scammy|spam|spammy|weird|strange|fake|dodgy|odd|sketchy|shady|fishy|bogus|fraudulent|spoofed|spoof) (?:looking )?(?:e-?mails?|mails?|messages?|texts?|sms|links?|calls?|invoices?|teams (?:message|chat))\b/,
  /\b(?:e-?mail|mail|message|text|sms)\b.{0,60}\b(?:gift ?cards?|wire transfer|bank details|payment details|my password|verify my account|confirm my (?:password|details|account)|bitcoin|urgent payment)\b/,
  /\bis (?:this|it|that) (?:e-?mail |message |link )?(?:legit|legitimate|real|genuine|safe|phishing|a phish|a scam|spam|fake)\b/,
  /\b(?:phishing|phish)\b/,
  /\b(?:pretending|claiming|purporting) to be (?:from )?\b/,
];

const suspiciousJa =
  /(?:不審|怪し|あやし|偽|ニセ|フィッシング|詐欺|なりすまし|成りすまし|装った|名乗る|見覚えのない|心当たりのない|迷惑)[^。]{0,20}(?:メール|メッセージ|SMS|ショートメール|ＳＭＳ|電話|チャット|リンク)|フィッシング|(?:メール|メッセージ)[^。]{0,30}(?:ギフトカード|振込|振り込み|パスワードを(?:確認|入力|教え))/;

/** A suspicious email, text or call, described without any sign that the employee acted on it. */
export function mentionsSuspiciousMessage(text: string): boolean {
  const raw = text.normalize('NFKC');
  if (suspiciousJa.test(raw)) return true;
  const en = normalizeEnglish(raw);
  return suspiciousEn.some((p) => p.test(en));
}

const actedEn: [UrgentKind, RegExp][] = [
  [
    'malware',
    /\b(?:opened|downloaded|ran|enabled|extracted|unzipped|did open|did download) (?:the |a |an |that |this )?(?:\S+ )?(?:attachment|file|zip|macro|macros|exe|document|invoice)\b/,
  ],
  ['security', /\b(?:clicked|tapped|pressed|followed|visited|opened)\b|\bdid (?:click|tap|open|follow|visit)\b/],
  [
    'security',
    /\b(?:entered|typed|gave|put in|submitted|filled in|shared|sent) (?:in )?(?:my|the|our|them|him|her) ?(?:\S+ )?(?:password|credentials|login|details|code|codes|pin)\b/,
  ],
  ['security', /\b(?:replied|answered|responded|called the number|approved|bought (?:the )?gift ?cards?)\b/],
];

const actedJa: [UrgentKind, RegExp][] = [
  [
    'malware',
    /添付[^。]{0,15}(?:開い|開け|実行し|ダウンロードし)(?:てしま|ちゃ|た|ました)|ファイルを(?:開いてしま|実行してしま|開きました|実行しました)/,
  ],
  [
    'security',
    /(?:(?:クリック|タップ|アクセス)し|押し|開い)(?:てしま|ちゃ|ました|た)|(?:パスワード|ID|認証情報|コード)[^。]{0,10}(?:入力し|教え|伝え)(?:てしま|ちゃ|ました|た)|返信してしま|返信しました|電話してしま/,
  ],
];
const negatedAfterJa = /^[^。、,.!?！？]{0,4}?(?:ない|ません|ず|なかった)/;

/**
 * After reporting guidance: the employee now says they did act on the message. Returns which
 * incident it is (a file opened is malware; a link, a password or a reply is `security`).
 */
export function admitsActing(text: string): UrgentKind | undefined {
  const raw = text.normalize('NFKC');
  for (const [kind, pattern] of actedJa) {
    const match = pattern.exec(raw);
    if (match && !negatedAfterJa.test(raw.slice(match.index + match[0].length))) return kind;
  }
  const en = normalizeEnglish(raw);
  for (const [kind, pattern] of actedEn) {
    if (scanPhrases(en, [pattern]).affirmed) return kind;
  }
  return undefined;
}
