/**
 * How the steps went, read clause by clause in English and Japanese: fixed ("that did it",
 * 「開けるようになりました」), partly fixed ("mail works now, calendar still doesn't"), not fixed
 * ("nope, same thing", 「再起動しましたが同じです」), or only tried ("yes I did that"). A leading
 * "yes" answers "did you try it?", so it never makes a fix by itself when the rest says otherwise.
 */
import { clausesOf, normalizeEnglish, scanPhrases } from './text-signals.js';

export type StepReading = 'fixed' | 'partly' | 'not_fixed' | 'tried' | 'none';

// --- English -------------------------------------------------------------------------------

const VERBS_NOW =
  '(?:open|load|print|connect|sync|show up|come through|arrive|appear|play|update|run|start|charge|boot|respond|send|opens|opening|loads|loading|prints|printing|connects|connecting|syncs|syncing|starts|launches|shows|showing|appears|appearing|rings|charges|charging|boots|responds|arrives|arriving|coming (?:in|through)|comes (?:in|through)|sends|sending|goes through|went through|displays|plays|updates|runs|running|is fine|are fine|fine|works|working|worked|is good|is ok|is okay|are good|are ok)';

const fixedEn: RegExp[] = [
  /\b(?:it|that|this|everything|all|which|teams|outlook|email|mail|vpn|printer|wifi|wi-fi|internet|camera|mic|audio|sound|screen|monitor|calendar|search|sync|laptop|pc|app|excel|word|onedrive)\s+(?:is\s+|are\s+)?(?:works?|working)\b/,
  new RegExp(`\\b${VERBS_NOW}(?:\\s+\\S+){0,4}?\\s+(?:now|again|properly|normally|perfectly)\\b`),
  /\b(?:works?|working)\s+(?:fine|ok|okay|well|great)\b/,
  /(?<!(?:to be|to get|get it|need it|want it|need this|want this|get this|needs to be|need to be|have it|like it|having it) )\b(?:fixed|solved|resolved|sorted)\b/,
  /\b(?:helped|did the trick|fixed it|solved it|sorted it)\b/,
  /\b(?:that|this|which|it|restarting|rebooting|the restart|the reboot|the reset|reinstalling|step \d+)\s+(?:did it|worked|works|helped)\b/,
  /\b(?:all good|back to normal|good now|fine now|ok now|okay now|up and running|gone now|all set now|good to go|back online|working again)\b/,
  /\b(?:is|are|came|come|it is|they are)\s+back\b/,
  /\b(?:i am|im|we are)\s+(?:back\s+)?in(?:\s+now)?$/,
  /\b(?:can|could)\s+(?:finally\s+)?(?:log ?in|sign ?in|login|connect|print|see|hear|send|receive|open|access|load|use|join|share|scan|sync|type|get in|get through)\b(?:\s+\S+){0,3}?\s+(?:now|again)\b/,
  /\b(?:now|finally)\s+(?:i|we|it|they)\s+(?:can|could)\b/,
  /\bno longer\s+(?:crash|freez|hang|drop|disconnect|lag|error|ask|prompt|show|happen|flicker|beep|stuck|kick|log|sign|pop|appear)/,
  /\b(?:error|problem|issue|message|prompt|popup|pop-up|warning|flicker(?:ing)?|noise|echo|crash(?:es|ing)?)\s+(?:is\s+|has\s+|have\s+)?(?:gone|disappeared|went away|stopped|cleared)\b/,
  /\b(?:it|that|which)\s+did\s+it\b/,
  /\b(?:started|starting|began|begun)\s+(?:to\s+)?work(?:ing)?\b/,
  /\b(?:stopped|quit)\s+(?:asking|prompting|crashing|freezing|dropping|disconnecting|beeping|flickering|popping up|happening|complaining|logging me out|kicking me out|signing me out)\b/,
  /\b(?:not|no longer)\s+(?:asking|prompting|crashing|freezing|dropping|disconnecting|happening|popping up|flickering)\b(?:\s+\S+){0,2}?\s*(?:anymore|any more|now)\b/,
  /\bno more (?:prompts|popups|pop-ups|errors|crashes|freezes|drops|disconnects|problems|issues|asking|flicker(?:ing)?|noise|echo)\b/,
  /\b(?:came out|comes out|printed|prints|loads|loaded|opened|opens|connected|connects|synced|went through)\s+(?:ok|okay|fine|alright|all right|properly|correctly|normally|right|good)\b/,
  // "wait it connected", "it just synced": a success verb in the past, said of the thing itself
  /^(?:(?:oh|ah|wait|hey|ok|okay|oh wait|huh|wow|yay)\s+)*(?:it|that|they|everything|all|the \w+|my \w+)\s+(?:just\s+|finally\s+|actually\s+|now\s+|has\s+|have\s+)*(?:connected|synced|synchronized|printed|loaded|opened|booted|started|launched|signed in|logged in|went through|came through|arrived|installed|updated|reconnected)(?:\s+(?:now|again|fine|ok|okay|properly|by itself|on its own|after all))*[^a-z0-9]*$/,
  /\b(?:seems?|appears?|looks?)\s+(?:to be\s+|like it is\s+|like it's\s+)?(?:fixed|solved|resolved|sorted|working|fine|ok|okay|good)\b/,
];

const notFixedEn: RegExp[] = [
  /\bstill\b/,
  /^nothing\b|\b(?:did not|does not) (?:do|change|fix) (?:anything|a thing|much)\b|\b(?:no luck|no joy|no dice|no go|nothing changed|nothing happened|nothing changes|no change|no changes|no difference|no improvement|did nothing|unchanged|useless|same|worse|nope|nah)\b/,
  /\bnot\s+(?:\S+\s+)?(?:work|working|works|fixed|help|helped|solved|resolved|change|changed|better|improve|improved|fix|sorted)\b/,
  /\b(?:broken|broke|fails?|failed|failing|crash(?:es|ed|ing)?|freez(?:es|ing)|froze|frozen|hangs|hanging|stuck|dead|offline|kicks? me|drops?|dropping|disconnect(?:s|ed|ing)|timing out|times out|timed out)\b/,
  /\b(?:error|problem|issue|message|prompt|popup|warning)s?\s+(?:is|are|came|comes|keeps? coming)\s+back\b/,
  /\b(?:no longer|will not|can not|unable to|does not|did not|is not|are not|won't)\s+(?:even\s+|really\s+|ever\s+|always\s+)?(?:work|load|open|connect|print|sync|start|show|appear|charge|boot|send|receive|play|turn|let)/,
  /\b(?:again|keeps?|kept)\b.*\b(?:error|crash|fail|freez|drop|disconnect|ask|prompt|stuck)/,
  /\b(?:went|goes|going|turned|turns|is|are|stays|stayed|comes out|came out)\s+(?:blank|black|dark|white|empty|grey|gray|dead|offline|unresponsive)\b/,
];

/** "yes I did", "done", "restarted twice": tried, outcome not said. */
const triedEn =
  /^(?:yes|yeah|yep|yup)\s+i (?:did|have|tried)\b|\b(?:tried|did (?:that|it|this|all|both|them|those|step)|done|restarted|rebooted|reinstalled|cleared|reset|updated|checked|signed out|logged out|unplugged|replugged|reconnected|followed)\b/;

/** A bare "yes" (with thanks) answers "Did that fix it?". */
const bareYesEn =
  /^(?:yes|yeah|yep|yup|ya|yea|y)(?:\s+(?:it|that|this)\s+(?:did|has|is|worked|helped|does))?(?:\s+(?:thanks|thank you|thx|ty|cheers|so much|a lot|!))*$/;

// --- Japanese ------------------------------------------------------------------------------

const fixedJa =
  /(?:直り|治り|なおり)(?:ました|まし|た)|直った|治った|なおった|(?:直|治)って(?:ます|いる|る|いました|ました|ました)|(?:ように|よう)に?なりました|(?:ように|よう)になった|ようになって(?:ました|いました|ます|います|いる|る|た|て)|解決(?:しました|した|です|できました|済み)|(?:動き|使え|つながり|繋がり|映り|聞こえ|届き|開き|開け|見え|見れ|入れ|送れ|戻り|出来)ました|(?:印刷|表示|同期|送信|受信|ログイン|サインイン|接続|アクセス|参加|共有|保存|インストール|ダウンロード|アップロード|スキャン|認識|充電)(?:が|も)?(?:でき|され)(?:ました|た|てます|ています|てました|ていました|てる)|(?<!再)起動(?:でき|し)(?:ました|た)(?!が)|復活|元に戻り|元通り|大丈夫(?:に)?なりました|もう大丈夫|問題(?:なくなりました|が解消|なく(?:使え|動|でき))|いけました|消えました|なおりました|できるようになった|(?:動い|使え|つながっ|繋がっ|映っ|聞こえ|届い|開い|開け|入れ)た(?!けど|が|ら|り)|大丈夫そう|問題なさそう|問題ないです|効きました|効果ありました|うまくいきました|上手くいきました|OKになりました|OKでした|(?<!(?:再起動|再インストール|削除|設定|変更|確認|リセット|サインアウト|ログアウト|試すこと|やること|再起動が|インストール))(?:でき|出来)ました(?!が|けど)|(?:聞かれ|求められ|落ち|固まら|切れ|途切れ|フリーズし|エラー(?:が|も)?出|ループし|点滅し|ノイズが出|表示されなく)なくなりました/;
const notFixedJa =
  /まだ|相変わらず|直りません|直らな|(?:直|治)って(?:い)?(?:ません|な)|治らな|なおらな|変わりません|変わらな|変わらず|変化(?:なし|は?ありません|がない|無し)|同じ|だめ|ダメ|駄目|効果(?:なし|がない|は?ありません|無し)|改善(?:しない|しません|されない|されません|なし|せず)|解決(?:しない|しません|せず)|(?:でき|動き|使え|つながり|繋がり|映り|聞こえ|届き|開き|開け|見え|入れ|送れ|出)ません|できない|動かない|使えない|つながらない|繋がらない|映らない|聞こえない|届かない|開かない|開けない|見えない|入れない|送れない|出ない|反応(?:なし|しない|しません|がない|無し)|無理(?:でした|です|だった)|うまくいき?ません|うまくいかな|失敗|エラー(?:が|は)?(?:出|表示)|落ちます|落ちる|落ちて|固まり|固まる|フリーズ|消えない|消えません|真っ暗|真っ白|白紙|のまま|ままです|また(?:同じ|エラー|落ち|固ま)|(?<!問題)(?:無|な)かった|ありませんでした/;
const triedJa =
  /(?:した|やった|試した|見た|確認した|押した|入れた)(?:けど|が|のに)|も(?:しました|した|やりました|やった|試しました|試した)|やりました|やってみました|試しました|試してみました|再起動しました|しましたが|してみましたが|確認しました|見ました|見たけど|やったけど|試したけど|はい、?(?:やり|試し|し)/;

const causeOfFixJa = /まま(?:でした|だった|になって(?:い)?ました)|原因|せいでした|のせいだった/;

/** Japanese clauses also end at "が" after a polite verb and at けど/でも: 「できるようになったんですが、…」. */
function japaneseClauses(raw: string): string[] {
  return raw
    .replace(/(ですが|ましたが|んですが|のですが|けど|けれど(?:も)?|ものの|でも|ただ)/g, '$1\n')
    .split(/[、。！？!?\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

interface ClauseCounts {
  fixed: number;
  notFixed: number;
  /** A not-fixed clause after a fixed one that says it came back: "worked, then crashed again". */
  relapsed: boolean;
}

/** "a bit better": not fixed, but part of it improved. */
const improvedEn = [
  /(?<!\b(?:would|could|might|will|should|to|'d) be )\b(?:better|improved|faster|less often|less frequent)\b/,
];

function countEnglish(en: string): ClauseCounts {
  const counts: ClauseCounts = { fixed: 0, notFixed: 0, relapsed: false };
  for (const clause of clausesOf(en)) {
    const fixed = scanPhrases(clause, [...fixedEn, ...(/\bworse\b/.test(clause) ? [] : improvedEn)]);
    const broken =
      scanPhrases(clause, notFixedEn).affirmed || fixed.negated || /^(?:no|nope|nah|negative)$/.test(clause);
    if (broken) {
      counts.notFixed++;
      if (counts.fixed > 0 && /\b(?:again|then)\b/.test(clause)) counts.relapsed = true;
    } else if (fixed.affirmed) counts.fixed++;
  }
  return counts;
}

function countJapanese(raw: string): ClauseCounts {
  const counts: ClauseCounts = { fixed: 0, notFixed: 0, relapsed: false };
  for (const clause of japaneseClauses(raw)) {
    // 「解決しました、番号が古いままでした」: after a fix, how things were is its cause, not an open part.
    if (counts.fixed > 0 && causeOfFixJa.test(clause) && !/まだ|また|相変わらず/.test(clause)) continue;
    if (notFixedJa.test(clause)) {
      counts.notFixed++;
      if (counts.fixed > 0 && /また|再発|戻って/.test(clause)) counts.relapsed = true;
    } else if (fixedJa.test(clause)) counts.fixed++;
  }
  return counts;
}

/** What the message states about a fix, clause by clause, without reading "yes" or "tried". */
export function statedOutcome(text: string): 'fixed' | 'partly' | 'not_fixed' | 'none' {
  const raw = text.normalize('NFKC').trim();
  const ja = countJapanese(raw);
  const eng = countEnglish(normalizeEnglish(raw));
  const fixed = ja.fixed + eng.fixed;
  const notFixed = ja.notFixed + eng.notFixed;
  if (fixed > 0 && notFixed > 0) return ja.relapsed || eng.relapsed ? 'not_fixed' : 'partly';
  if (fixed > 0) return 'fixed';
  return notFixed > 0 ? 'not_fixed' : 'none';
}

/** What the message says about the steps shown last (the answer to "Did that fix it?"). */
export function readStepOutcome(text: string): StepReading {
  const raw = text.normalize('NFKC').trim();
  if (raw === '') return 'none';
  const en = normalizeEnglish(raw);
  if (
    bareYesEn.test(
      en
        .replace(/[!.,]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ) ||
    /^はい[。！!]*$/.test(raw)
  ) {
    return 'fixed';
  }
  const stated = statedOutcome(raw);
  if (stated !== 'none') return stated;
  if (/^(?:no|nope|nah|not really)\b/.test(en) || /^いいえ|^いや/.test(raw)) return 'not_fixed';
  if (triedEn.test(en) || triedJa.test(raw)) return 'tried';
  return 'none';
}

/** The part of a partly-fixed message that still does not work, in the employee's words. */
export function openPart(text: string): string | undefined {
  const raw = text.normalize('NFKC').trim();
  const ja = japaneseClauses(raw).find((c) => notFixedJa.test(c));
  if (ja) return ja.replace(/^(?:でも|ただ|けど)、?/, '');
  const parts = raw.split(/[,.;!?]+|\bbut\b/i).map((p) => p.trim());
  return parts.find((p) => {
    const en = normalizeEnglish(p);
    return en !== '' && (scanPhrases(en, notFixedEn).affirmed || scanPhrases(en, fixedEn).negated);
  });
}

/** "I checked the spam folder", 「見たけど無かった」: the message reports trying a step. */
export function reportsTrying(text: string): boolean {
  const raw = text.normalize('NFKC').trim();
  return triedEn.test(normalizeEnglish(raw)) || triedJa.test(raw);
}

/** "it works now", "直りました": a stated fix with nothing still broken. */
export function isFixed(text: string): boolean {
  return statedOutcome(text) === 'fixed';
}
