/**
 * The patterns behind `extract-facts.ts`: apps, systems, machines, makes and models, exact error
 * codes and messages, and since when. Each finds the employee's own words, never a guess.
 */

export const apps: [string, RegExp][] = [
  ['Teams', /\bteams\b|チームズ/i],
  ['Outlook', /\boutlook\b|アウトルック/i],
  ['GlobalProtect', /\bglobal ?protect\b/i],
  ['Cisco AnyConnect', /\bany ?connect\b/i],
  ['Cisco Secure Client', /\bsecure client\b/i],
  ['Cisco VPN', /\bcisco vpn\b/i],
  ['Zoom', /\bzoom\b|(?<![ァ-ヺー])ズーム(?![ァ-ヺー])/i],
  ['Excel', /\bexcel\b|エクセル|えくせる/i],
  // Whole katakana words only: パスワード and キーワード are not Word.
  ['Word', /\b(?:ms |microsoft )word\b|\bWord\b|(?<![ァ-ヺー])ワード(?![ァ-ヺー])/],
  ['PowerPoint', /\bpower ?point\b|パワーポイント|パワポ/i],
  ['OneDrive', /\bone ?drive\b|ワンドライブ/i],
  ['SharePoint', /\bshare ?point\b|シェアポイント/i],
  ['Power BI', /\bpower ?bi\b/i],
  ['Adobe Acrobat', /\bacrobat\b|\badobe reader\b/i],
  ['Photoshop', /\bphotoshop\b/i],
  ['Visio', /\bvisio\b/i],
  ['SAP', /\bsap\b/i],
  ['Salesforce', /\bsalesforce\b/i],
  ['Confluence', /\bconfluence\b/i],
  ['Jira', /\bjira\b/i],
  ['Slack', /\bslack\b/i],
  ['Webex', /\bwebex\b/i],
  ['Chrome', /\bchrome\b/i],
  ['Firefox', /\bfirefox\b/i],
  ['Edge', /\bmicrosoft edge\b|\bEdge\b/],
  ['Safari', /\bsafari\b/i],
  ['Software Center', /\bsoftware cent(?:er|re)\b|ソフトウェア ?センター/i],
  ['Company Portal', /\bcompany portal\b|\bintune\b|ポータル ?サイト/i],
  ['Microsoft Authenticator', /\bauthenticator\b/i],
  ['BitLocker', /\bbit ?locker\b/i],
  ['Citrix', /\bcitrix\b/i],
  ['Windows Hello', /\bwindows hello\b/i],
];

export const systems: [string, RegExp][] = [
  ['Windows 11', /\bwindows ?11\b|\bwin ?11\b/i],
  ['Windows 10', /\bwindows ?10\b|\bwin ?10\b/i],
  ['Windows', /\bwindows\b|ウィンドウズ/i],
  ['macOS', /\bmac ?os\b|\bmacbook\b|\bimac\b|\bmac\b|マック/i],
  ['iPadOS', /\bipad\b/i],
  ['iOS', /\biphone\b|\bios\b/i],
  ['Android', /\bandroid\b|\bpixel \d|\bgalaxy\b|\bxperia\b|アンドロイド/i],
  ['ChromeOS', /\bchromebook\b|\bchrome ?os\b/i],
  ['Linux', /\blinux\b|\bubuntu\b/i],
];

export const devices: [string, RegExp][] = [
  ['MacBook', /\bmacbook\b/i],
  ['laptop', /\blaptop\b|\bnotebook\b|\bthinkpad\b|\blatitude\b|\belitebook\b|ノートPC|ノートパソコン|ノート型/i],
  ['desktop', /\bdesktop\b|\bworkstation\b|デスクトップ/i],
  ['iPad', /\bipad\b/i],
  ['iPhone', /\biphone\b/i],
  ['phone', /\bphone\b|\bsmartphone\b|\bmobile\b|スマホ|スマートフォン|携帯/i],
  ['tablet', /\btablet\b|タブレット/i],
  ['printer', /\bprinter\b|\bmfp\b|\bcopier\b|\blaserjet\b|プリンター|プリンタ|複合機/i],
  ['monitor', /\bmonitor\b|\bdisplay\b|モニター|ディスプレイ/i],
  ['headset', /\bheadset\b|\bheadphones?\b|\bearbuds?\b|ヘッドセット|イヤホン|ヘッドホン/i],
  ['docking station', /\bdock(?:ing station)?\b|ドッキングステーション|ドック/i],
  ['webcam', /\bwebcam\b|\bweb cam\b|\bcamera\b|カメラ/i],
  ['keyboard', /\bkeyboard\b|キーボード/i],
  ['mouse', /\bmouse\b|マウス/i],
  ['PC', /\bpc\b|\bcomputer\b|パソコン/i],
];

/** Makes whose next words are a model name ("Dell Latitude 5440", "Jabra Evolve2 40"). */
const BRANDS =
  "hp|hewlett[- ]packard|dell|lenovo|thinkpad|thinkcentre|thinkvision|ideapad|latitude|precision|optiplex|xps|inspiron|elitebook|probook|zbook|elitedesk|laserjet|officejet|deskjet|canon|imagerunner|ir-adv|epson|brother|xerox|ricoh|kyocera|konica minolta|bizhub|sharp|fujifilm|apple|macbook|imac|mac mini|iphone|ipad|pixel|galaxy|xperia|aquos|surface|jabra|poly|plantronics|logitech|logicool|bose|sony|sennheiser|epos|eizo|lg|samsung|benq|viewsonic|acer|asus|fujitsu|lifebook|nec|versapro|panasonic|let'?s ?note|dynabook|vaio|yubikey|yealink|anker|caldigit|thunderbolt dock|dock|airpods|chromebook";
const SUBLINES =
  /^(?:laserjet|officejet|latitude|precision|optiplex|xps|elitebook|probook|zbook|thinkpad|thinkcentre|voyager|evolve2?|blackwire|pro|air|mini|max|plus|ultra|studio|flex|yoga|carbon|nano|envy|spectre|pavilion|galaxy|tab|note|type-?c|gen|mx|master|anywhere|keys|brio|c\d+|g\d+|m\d+|t\d+\w*|x\d+\w*)$/i;

const brandAt = new RegExp(`(?<![\\w-])(?:${BRANDS})(?![\\w-])`, 'gi');

/** The first make and model the employee named, as they wrote it; undefined for a bare make. */
export function findModel(text: string): string | undefined {
  for (const m of text.matchAll(brandAt)) {
    const rest = text.slice(m.index + m[0].length).split(/\s+/);
    const words = [m[0]];
    for (const raw of rest.slice(rest[0] === '' ? 1 : 0, 4)) {
      const token = /^[A-Za-z0-9][\w+-]*/.exec(raw)?.[0] ?? '';
      const isModel = /\d/.test(token) || SUBLINES.test(token) || /^[A-Z][a-z]+\d*$/.test(token);
      if (!token || !isModel || /^(?:I|It|The|My|But|And|When)$/.test(token)) break;
      words.push(token);
      if (token !== raw) break;
    }
    const model = words.join(' ');
    if (words.length > 1 && (/\d/.test(model) || words.length > 2 || SUBLINES.test(words[1] ?? ''))) return model;
    if (words.length > 1 && /^[A-Z]/.test(words[1] ?? '')) return model;
  }
  return undefined;
}

/** Phrases that make a quoted text an error or message the employee saw, not a name. */
const SAYS =
  /(?:stuck|hangs?|frozen|freezes|loops?|止ま|固ま|error|says?|said|shows?|showing|displays?|displayed|message|pop-?up|prompt|dialog|warning|reads|get(?:ting)?|got|with|エラー|表示|と出|と言われ|メッセージ|警告|ダイアログ|になって|で止ま|で開けな|で失敗)/i;
const ERRORISH =
  /(?:error|fail|denied|unable|cannot|can't|couldn't|not |invalid|expired?|unreachable|time ?out|timed out|refused|blocked|locked|jam|offline|unavailable|problem|wrong|lost|missing|unknown|disconnected|エラー|失敗|できません|できない|拒否|無効|期限|見つかりません|問題|ロック|切れ|中断|紙詰まり|接続され|処理中)/i;

/** A quoted name rather than a message: "the 'Budget 2025' folder". */
const NAMED =
  /^\s*(?:folder|file|site|channel|drive|team|group|mailbox|page|document|sheet|space|project|フォルダ|ファイル|サイト|チャネル|ドライブ)/i;
const after = (m: RegExpMatchArray) =>
  (m.input ?? '').slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20);

const QUOTED =
  /"([^"\n]{3,200})"|“([^”\n]{3,200})”|「([^」\n]{2,200})」|(?<=^|[\s(:=])'([^'\n]{3,200})'(?=$|[\s,.;:!?)])/g;

const CODES: RegExp[] = [
  /\b0x[0-9a-f]{4,8}\b/gi,
  /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+){1,6}\b/g,
  /\bAADSTS\d{4,8}\b/gi,
  /\b(?:[A-Za-z]{2,5}-?\d{3,8}|\d{3,8}-[A-Za-z]{1,4}\d*)\b(?<!\b(?:windows|win|office|iphone|pixel|galaxy|latitude|top|room|desk)-?\d+)/gi,
  /(?<=\b(?:error|code|stop code|error code|エラー|エラーコード|コード)\s?[:：#]?\s?)[A-Z]?-?\d{3,8}\b/gi,
];

/** Every exact error code and quoted error message, in the order they appear, without repeats. */
export function findErrors(text: string): string[] {
  const found: { at: number; value: string }[] = [];
  for (const m of text.matchAll(QUOTED)) {
    const value = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
    const around = text.slice(Math.max(0, m.index - 30), m.index) + text.slice(m.index + m[0].length).slice(0, 20);
    const isMessage = ERRORISH.test(value) || SAYS.test(around) || (m[1] !== undefined && !NAMED.test(after(m)));
    if (value && isMessage) found.push({ at: m.index, value });
  }
  for (const pattern of CODES) {
    for (const m of text.matchAll(pattern)) {
      if (isInsideQuoted(found, m.index, m[0]) || (/^\d+$/.test(m[0]) && m[0].length < 3)) continue;
      found.push({ at: m.index, value: m[0] });
    }
  }
  const colon = /(?:error|エラー)(?:\s*(?:code|message|コード|メッセージ))?\s*[:：]\s*([^\n。"“「']{3,160})/i.exec(
    text,
  );
  if (colon?.[1] && !found.some((f) => colon[1]!.includes(f.value)))
    found.push({ at: colon.index, value: colon[1].trim() });
  const ordered = found.sort((a, b) => a.at - b.at).map((f) => f.value.replace(/[.,;]+$/, ''));
  return ordered.filter((v, i) => ordered.findIndex((w) => w.toLowerCase() === v.toLowerCase()) === i);
}

function isInsideQuoted(found: { value: string }[], _at: number, code: string): boolean {
  return found.some((f) => f.value.includes(code));
}

const SINCE_WORDS =
  /\d|update|upgrade|patch|install|reboot|restart|yesterday|today|morning|afternoon|evening|night|week|month|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekend|holiday|vacation|leave|last|this|ago|migrat|move|chang|replac|reset|new|start|came back|returned|switch|january|february|march|april|may|june|july|august|september|october|november|december|lunch/i;

const SINCE: RegExp[] = [
  /\b(?:ever )?since\s+(?:(?!(?:and|but|so|because|when|which|while|though|although|now|it|i'm|im)\b)[\w'’:./-]+\s*){1,6}/i,
  /\b(?:after|following) (?:the |a |an |my |last night'?s |yesterday'?s |this morning'?s |today'?s |last week'?s )?(?:[\w-]+ ){0,2}(?:update|upgrade|patch|reboot|migration|password (?:change|reset)|reinstall|re-?image|move|office move)\b/i,
  /\b(?:started|began|begun|starting|happening|happened|broke|stopped working)\b[^.,!?]{0,20}?\b(?:yesterday|today|this (?:morning|afternoon|week)|last (?:night|week|month|monday|tuesday|wednesday|thursday|friday)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:\d+|a few|two|three|several) (?:days|hours|weeks) ago)\b/i,
  /\bfor (?:the (?:last|past) )?(?:\d+|a few|two|three|several|a couple of) (?:days|hours|weeks|months)\b/i,
  /\b(?:\d+|a few|two|three|several|a couple of) (?:days|hours|weeks|months) ago\b/i,
  /(?:昨日|今朝|今日|本日|先週|先月|昨晩|昨夜|週明け|連休明け|休み明け|(?:月|火|水|木|金|土|日)曜日?)(?:の(?:朝|夜|午前|午後|夕方))?(?:から|以降)/,
  /[^\s、。「」]{1,12}?(?:後から|以降|以来|してから)/,
  /\d+(?:日|週間|時間|か月|ヶ月)(?:ほど|くらい|ぐらい)?前から/,
  /(?:\d{1,2}時|\d{1,2}:\d{2})(?:頃|ごろ)?から(?!の)/,
];

/** Since when, in the employee's words ("since the update", "アップデート後から"). */
export function findSince(text: string): string | undefined {
  for (const pattern of SINCE) {
    const words = pattern.exec(text)?.[0]?.trim();
    if (!words) continue;
    if (/^(?:ever )?since\b/i.test(words) && !SINCE_WORDS.test(words.replace(/^(?:ever )?since/i, ''))) continue;
    return words.replace(/[\s,.;:!?]+$/, '');
  }
  return undefined;
}
