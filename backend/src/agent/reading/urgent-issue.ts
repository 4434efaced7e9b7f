/**
 * Problems the employee must not troubleshoot alone: physical damage, a lost or stolen device,
 * and a security incident (credentials given away or an account taken over; malware). Found by
 * plain patterns in the employee's own words, with negation ("the screen is not cracked",
 * 「画面は割れていません」, "didn't click anything") so that only an asserted fact counts.
 */
import type { Priority } from '../../domain/index.js';
import { normalizeEnglish, scanPhrases } from './text-signals.js';

/** `security`: a phishing link followed, credentials given, an account taken over; `malware`: a virus, ransomware, a bad attachment opened. */
export type UrgentKind = 'damage' | 'lost' | 'stolen' | 'security' | 'malware';

export interface UrgentIssue {
  kind: UrgentKind;
  priority: Priority;
  /** The words that decided it, for the ticket's priority reason and the logs. */
  reason: string;
}

/** docs/conversations.md: a security incident (phishing, a lost or stolen device, malware) is Highest. */
const PRIORITY: Record<UrgentKind, Priority> = {
  damage: 'High',
  lost: 'Highest',
  stolen: 'Highest',
  security: 'Highest',
  malware: 'Highest',
};

/** The kinds that are security incidents: category `security`, answered from a security playbook. */
export const SECURITY_PLAYBOOKS: Partial<Record<UrgentKind, string>> = {
  security: 'security-compromised-account',
  malware: 'security-malware',
  lost: 'security-lost-device',
  stolen: 'security-lost-device',
};

const DEVICE =
  '(?:laptop|notebook|phone|mobile|cell ?phone|smartphone|iphone|android|computer|pc|macbook|ipad|tablet|device|surface|thinkpad)';
const PUBLIC_PLACE =
  '(?:on|in|at) (?:the |a |an )?(?:train|taxi|cab|uber|bus|plane|flight|airport|station|subway|tube|metro|restaurant|cafe|coffee shop|bar|hotel|park|gym|shop|store|car park|parking lot)';
/** Words that make a link, a page or an attachment suspicious rather than an everyday one. */
const SHADY =
  '(?:phishing|phish|suspicious|dodgy|fake|scam|spam|strange|weird|odd|malicious|fraud|spoofed|pretending|impersonat|bogus|sketchy|not legit|looked legit|noticed|realized|realised|turned out)';

/** Narrower than SHADY: signing in is only an incident next to one of these. */
const FAKE = '(?:phishing|phish|fake|scam|spoofed|fraudulent|fraud|malicious|suspicious|bogus|not legit)';

/** Checked in this order: a stolen laptop is theft before it is a lost device. */
const englishRules: [UrgentKind, RegExp[]][] = [
  [
    'malware',
    [
      /\bransomware\b|\bransom (?:note|message|demand|screen)\b|\b(?:asking|asks|demanding|wants) (?:me )?(?:for |to pay )?(?:\S+ )?(?:bitcoin|btc|crypto|a ransom)\b/,
      /\bfiles? (?:\S+ ){0,4}(?:encrypted|renamed to|renamed with|end(?:s|ing)? (?:in|with)) \S*\.?(?:locked|encrypted|crypt|crypted|enc)\b|\.locked\b/,
      /\b(?:got|have|has|caught|picked up|infected with|there is) (?:a |some )?(?:computer )?(?:virus|viruses|malware|trojan|keylogger)\b|\b(?:virus|malware|trojan) (?:alert|warning|detected|found|infection|on my)\b|\b(?:found|detected|flagged) (?:a |some |the )?(?:virus|malware|trojan|keylogger|threat)\b|\b(?:is|got|been|are|was) infected\b/,
      new RegExp(
        `\\bopened (?:an |the |a |this |that )?(?:\\S+ )?(?:attachment|zip|file|macro|\\.exe)\\b.{0,60}${SHADY}|${SHADY}.{0,60}\\bopened (?:an |the |a |its |this )?(?:\\S+ )?(?:attachment|zip|file)\\b|\\b(?:ran|run|enabled) (?:the |a )?(?:macro|macros|\\.exe|exe)\\b`,
      ),
    ],
  ],
  [
    'security',
    [
      new RegExp(
        `\\b(?:clicked|tapped|opened) (?:on )?(?:a |the |an |this |that )?${SHADY}\\w* (?:\\S+ )?(?:link|url|button|website|site|page)\\b`,
      ),
      new RegExp(
        `\\bclicked (?:on )?(?:a |the |an |this |that )?(?:\\S+ )?link\\b.{0,80}${SHADY}|${SHADY}.{0,80}\\bclicked (?:on )?(?:a |the |an |this |that |its )?(?:\\S+ )?link\\b`,
      ),
      /\b(?:entered|typed|gave|put|submitted|input|filled in|keyed in) (?:in )?(?:my|our|the) (?:(?:work|company|office|email|microsoft|m365|365|o365|outlook|windows|login|account) )*(?:password|credentials|login|username and password|sign-in details|log ?in details|pin|account details|bank details|card details)\b(?=.{0,120}(?:link|site|page|url|website|email|mail|sms|text|message|phish|fake|suspicious|noticed|realized|realised|scam))/,
      /\b(?:link|site|page|url|website|email|sms|text message|phish)\b.{0,120}\b(?:entered|typed|gave|put|submitted|input|filled in) (?:in )?my (?:\S+ )?(?:password|credentials|login)\b/,
      new RegExp(`${FAKE}.{0,120}\\b(?:logged|signed) (?:in|on)\\b|\\b(?:logged|signed) (?:in|on)\\b.{0,120}${FAKE}`),
      /\b(?:account|email|mailbox|laptop|computer|pc|outlook|teams) (?:was |has been |got |is |may have been |might have been |might be |may be )?(?:hacked|compromised|taken over|hijacked)\b/,
      /\b(?:i (?:was|got|have been|think i got|think i was) hacked|someone hacked|hacker)\b|\b(?:fell|fallen) for (?:a |the |an |this |that |some )?(?:phishing|phish|scam|fake)\b/,
      /\b(?:sending|sent) (?:emails?|messages?|spam) (?:from my (?:account|email|mailbox)|(?:that|which) i (?:did|do) not (?:send|write))\b|\bemails? i (?:did|do) not send\b/,
      /\bapproved (?:an? |the )?(?:mfa|authenticator|sign-?in|login) (?:request|prompt|notification)s?\b.{0,60}\b(?:not|was not|did not|wasn't|didn't|never)\b/,
      /\bgave (?:my |the |them |him |her )?(?:mfa |verification |authenticator |sms )?codes?\b.{0,40}\b(?:someone|caller|scam|stranger|phone|called)\b/,
      /\b(?:mfa|verification|authenticator|security|one-time|sms) codes?\b.{0,60}\b(?:i |and )(?:gave|sent|told|shared|read out|typed)\b/,
    ],
  ],
  [
    'stolen',
    [
      new RegExp(
        `\\b(?:${DEVICE.slice(3, -1)}|bag|backpack|yubikey|security key) (?:was |has been |got |were )?(?:stolen|nicked|pinched|snatched|swiped)\\b`,
      ),
      /\bstole my\b|\bsomeone stole\b|\bstolen (?:laptop|phone|device|macbook|iphone|bag)\b|\b(?:robbed|mugged|break-in|broken into)\b/,
    ],
  ],
  [
    'lost',
    [
      new RegExp(`\\b(?:lost|misplaced) (?:my |our |the |a )?(?:work |company |office |business )?${DEVICE}\\b`),
      new RegExp(
        `\\b(?:left|forgot|dropped) (?:my |our |the )?(?:work |company |office |business )?(?:${DEVICE.slice(3, -1)}|bag|backpack) ${PUBLIC_PLACE}\\b`,
      ),
      new RegExp(`\\b${DEVICE}\\b.{0,60}\\b(?:left|forgot) (?:it|them) ${PUBLIC_PLACE}\\b`),
      new RegExp(
        `\\b(?:can not|could not) find (?:my |the )?(?:work |company )?${DEVICE}\\b.{0,40}\\b(?:anywhere|lost|left|since)\\b`,
      ),
      new RegExp(`\\b(?:my |the )?(?:work |company )?${DEVICE} (?:is |has gone |went )?missing\\b`),
    ],
  ],
  [
    'damage',
    [
      /\b(?:screen|display|lcd|glass) (?:is |got |was |has )?(?:cracked|shattered|smashed|broken)\b/,
      /\b(?:cracked|shattered|smashed) (?:the |my )?(?:screen|display|glass|laptop)\b/,
      /\b(?:spilled|spilt|dropped|knocked over)\b.{0,30}\b(?:coffee|tea|water|drink|juice|liquid|wine|beer|soda)\b/,
      /\b(?:coffee|tea|water|drink|juice|liquid|wine|beer|soda) (?:on|into|over)\b.{0,20}\b(?:laptop|keyboard|computer|macbook|pc)\b/,
      /\bdropped (?:my |the )?(?:laptop|macbook|phone|computer|monitor)\b.{0,40}\b(?:broke|broken|crack|cracked|dent|bent|will not|does not|won't)\b/,
      /\bbattery (?:is |has )?(?:swollen|swelling|bulging|puffed|expanded)\b|\b(?:swollen|bulging) battery\b/,
      /\b(?:smoke|smoking|burning smell|smells? (?:like )?burn(?:ing|t)|sparks?|melted|melting)\b/,
    ],
  ],
];

const JA_SHADY =
  '(?:不審|怪し|あやし|偽|ニセ|にせ|フィッシング|詐欺|なりすまし|成りすまし|装った|名乗る|見覚えのない|心当たりのない|知らない)';

/**
 * Japanese: the pattern, then a negation right after it turns it off (割れていない, 盗まれていません).
 * Global, for `matchAll`; never used with `test`/`exec`, whose `lastIndex` would carry over.
 */
const japaneseRules: [UrgentKind, RegExp][] = [
  [
    'malware',
    new RegExp(
      `ランサムウェア|身代金|ビットコイン|ウイルスに感染|ウィルスに感染|ウイルス感染|マルウェア|(?:ファイル|拡張子)[^。]{0,15}(?:暗号化され|\\.locked|勝手に変わ|変わってしま)|${JA_SHADY}[^。]{0,30}添付[^。]{0,20}(?:開い|開け|実行|ダウンロード)|添付[^。]{0,20}(?:開いてしま|開いちゃ|実行してしま)|マクロを有効にしてしま`,
      'g',
    ),
  ],
  [
    'security',
    new RegExp(
      `${JA_SHADY}[^。]{0,30}(?:リンク|URL|ＵＲＬ|サイト|ページ)[^。]{0,10}(?:クリック|押し|開い|タップ)|(?:リンク|URL|サイト|ページ)[^。]{0,30}(?:パスワード|ID|アカウント|認証情報)[^。]{0,10}(?:入力|入れ)|パスワードを入力してしま|パスワードを入れてしま|乗っ取られ|乗っ取り|ハッキングされ|不正(?:ログイン|アクセス)|送った覚えのないメール|身に覚えのない(?:送信|ログイン)`,
      'g',
    ),
  ],
  ['stolen', /盗まれ|盗難|ひったくり|置き引き/g],
  [
    'lost',
    /(?:パソコン|PC|ノート|スマホ|携帯|端末|iPhone|MacBook|タブレット|iPad)[^。]{0,12}(?:紛失|なくし|無くし|失くし|落とし(?!て壊|て割|て画面)|置き忘れ|見当たら|が見つから)|(?:電車|タクシー|バス|新幹線|飛行機|駅|お店|カフェ|レストラン|ホテル|空港)[^。]{0,20}(?:パソコン|PC|ノート|スマホ|携帯|端末|iPhone|タブレット)[^。]{0,8}忘れ/gi,
  ],
  [
    'damage',
    /(?:画面|液晶|ガラス|ディスプレイ)[^。]{0,6}(?:割れ|ひびが|ヒビが|ひび割れ)|(?:水|コーヒー|お茶|飲み物|ジュース)[^。]{0,6}(?:こぼし|かけてしま|かかっ)|こぼしてしま|バッテリー[^。]{0,6}(?:膨らん|膨張|膨れ)|煙が|焦げ(?:臭|くさ)|焦げた(?:匂い|におい)|落として[^。]{0,6}(?:壊れ|割れ|破損)/g,
  ],
];
const negatedAfter = /^[^。、,.!?！？]{0,5}?(?:ない|ません|ず|なかった)/;

function detectJapanese(raw: string): UrgentIssue | undefined {
  for (const [kind, pattern] of japaneseRules) {
    for (const match of raw.matchAll(pattern)) {
      const after = raw.slice((match.index ?? 0) + match[0].length);
      if (!negatedAfter.test(after)) return { kind, priority: PRIORITY[kind], reason: `mentions "${match[0]}"` };
    }
  }
  return undefined;
}

export function detectUrgentIssue(text: string): UrgentIssue | undefined {
  const raw = text.normalize('NFKC');
  const ja = detectJapanese(raw);
  if (ja) return ja;
  const en = normalizeEnglish(raw);
  for (const [kind, patterns] of englishRules) {
    const affirmed = patterns.some((p) => scanPhrases(en, [p]).affirmed || assertedAcrossClauses(en, p));
    if (!affirmed) continue;
    const words = patterns.map((p) => p.exec(en)?.[0]).find((w) => w !== undefined) ?? kind;
    return { kind, priority: PRIORITY[kind], reason: `mentions "${words.slice(0, 80)}"` };
  }
  return undefined;
}

/**
 * Patterns that join an act to its context ("clicked the link … before I noticed") span clauses,
 * which `scanPhrases` reads one at a time; such a match counts when nothing negates its first words.
 */
function assertedAcrossClauses(en: string, pattern: RegExp): boolean {
  const match = pattern.exec(en);
  if (!match) return false;
  const before = (en.slice(0, match.index).match(/[a-z']+/g) ?? []).slice(-3);
  return !before.some((w) => ['not', 'no', 'never', 'if', 'without', 'nothing', 'whether'].includes(w));
}
