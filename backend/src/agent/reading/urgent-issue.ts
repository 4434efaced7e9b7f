/**
 * Problems the employee must not troubleshoot alone: physical damage, a lost or stolen device,
 * and a security incident. Found by plain patterns in the employee's own words, with negation
 * ("the screen is not cracked", 「画面は割れていません」) so that only an asserted fact counts.
 */
import type { Priority } from '../../domain/index.js';
import { normalizeEnglish, scanPhrases } from './text-signals.js';

export type UrgentKind = 'damage' | 'lost' | 'stolen' | 'security';

export interface UrgentIssue {
  kind: UrgentKind;
  priority: Priority;
  /** The words that decided it, for the ticket's priority reason and the logs. */
  reason: string;
}

const PRIORITY: Record<UrgentKind, Priority> = { damage: 'High', lost: 'High', stolen: 'Highest', security: 'Highest' };

/** Checked in this order: a stolen laptop is theft before it is a lost device. */
const englishRules: [UrgentKind, RegExp[]][] = [
  [
    'security',
    [
      /\bclicked (?:on )?(?:a|the|an|this|that) (?:\S+ )?(?:phishing |suspicious |dodgy |fake |strange |weird )?link\b.{0,40}\b(?:phishing|suspicious|scam|fake|email|mail|message)\b/,
      /\bclicked (?:on )?(?:a|the|an) (?:phishing|suspicious|dodgy|fake|malicious) (?:link|email|attachment)\b/,
      /\b(?:entered|typed|gave|put) (?:in )?my (?:password|credentials|login)\b.{0,40}\b(?:suspicious|fake|phishing|scam|strange|weird|dodgy)\b/,
      /\b(?:suspicious|fake|phishing|scam|dodgy) (?:site|website|page|email|link)\b.{0,40}\b(?:entered|typed|gave) (?:in )?my (?:password|credentials)\b/,
      /\b(?:account|email|mailbox|laptop|computer|pc) (?:was |has been |got |is )?(?:hacked|compromised|taken over)\b/,
      /\b(?:i (?:was|got|have been) hacked|someone hacked)\b/,
      /\bransomware\b|\bfiles (?:are|were|have been) encrypted\b.{0,40}\b(?:ransom|bitcoin|pay)\b|\bransom (?:note|message|demand)\b/,
    ],
  ],
  [
    'stolen',
    [
      /\b(?:laptop|phone|computer|pc|macbook|ipad|tablet|bag|device|yubikey|security key|iphone) (?:was |has been |got )?stolen\b/,
      /\bstole my\b|\bsomeone stole\b|\bstolen (?:laptop|phone|device|macbook)\b/,
    ],
  ],
  [
    'lost',
    [
      /\b(?:lost|misplaced) my (?:work |company )?(?:laptop|phone|computer|macbook|ipad|tablet|iphone|device)\b/,
      /\bleft my (?:work |company )?(?:laptop|phone|macbook|ipad|bag) (?:on|in|at)\b/,
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

/**
 * Japanese: the pattern, then a negation right after it turns it off (割れていない, 盗まれていません).
 * Global, for `matchAll`; never used with `test`/`exec`, whose `lastIndex` would carry over.
 */
const japaneseRules: [UrgentKind, RegExp][] = [
  [
    'security',
    /(?:不審|怪し|あやし|偽|フィッシング|詐欺)[^。]{0,20}(?:リンク|URL)[^。]{0,6}(?:クリック|押し|開い)|(?:不審|怪し|偽|フィッシング)[^。]{0,20}パスワードを入力|パスワードを入力してしま|乗っ取られ|乗っ取り|ハッキングされ|ランサムウェア|身代金/g,
  ],
  ['stolen', /盗まれ|盗難/g],
  [
    'lost',
    /(?:パソコン|PC|ノート|スマホ|携帯|端末|iPhone|MacBook)[^。]{0,8}(?:紛失|なくし|無くし|失くし|落とし(?!て壊|て割|て画面)|置き忘れ)/gi,
  ],
  [
    'damage',
    /(?:画面|液晶|ガラス|ディスプレイ)[^。]{0,6}(?:割れ|ひびが|ヒビが|ひび割れ)|(?:水|コーヒー|お茶|飲み物|ジュース)[^。]{0,6}(?:こぼし|かけてしま|かかっ)|こぼしてしま|バッテリー[^。]{0,6}(?:膨らん|膨張|膨れ)|煙が|焦げ(?:臭|くさ)|焦げた(?:匂い|におい)|落として[^。]{0,6}(?:壊れ|割れ|破損)/g,
  ],
];
const negatedAfter = /^[^。、,.!?！？]{0,5}?(?:ない|ません|ず|なかった)/;

export function detectUrgentIssue(text: string): UrgentIssue | undefined {
  const raw = text.normalize('NFKC');
  for (const [kind, pattern] of japaneseRules) {
    for (const match of raw.matchAll(pattern)) {
      const after = raw.slice((match.index ?? 0) + match[0].length);
      if (!negatedAfter.test(after)) return { kind, priority: PRIORITY[kind], reason: `mentions "${match[0]}"` };
    }
  }
  const en = normalizeEnglish(raw);
  for (const [kind, patterns] of englishRules) {
    const affirmed = patterns.some((p) => scanPhrases(en, [p]).affirmed);
    if (!affirmed) continue;
    const words = patterns.map((p) => p.exec(en)?.[0]).find((w) => w !== undefined) ?? kind;
    return { kind, priority: PRIORITY[kind], reason: `mentions "${words}"` };
  }
  return undefined;
}
