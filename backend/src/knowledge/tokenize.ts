/**
 * Tokens for retrieval in English and Japanese without a dictionary: Latin text becomes
 * lower-cased, lightly stemmed words plus adjacent-word pairs ("security key"); runs of Japanese
 * script become overlapping character bigrams, single kanji and whole katakana words, which match
 * Japanese words and their inflections (重い / 重くて) well enough for routing among a few dozen
 * playbooks.
 */
const cjkRun = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]+/gu;
const latinWord = /[a-z0-9]+/g;
const hiraganaOnly = /^[\u3040-\u309f]+$/u;
const kanji = /^[\u3400-\u4dbf\u4e00-\u9fff]$/u;
const katakanaWord = /[\u30a1-\u30fa\u30fc\uff66-\uff9f]{3,}/gu;
const particle = /[がをにはでのともへ]/u;
const katakanaOnly = /^[\u30a1-\u30fa\u30fc\uff66-\uff9f]+$/u;

/** Joins the two words of a Latin pair token; never produced by the word pattern itself. */
export const PAIR_SEPARATOR = '_';
const PAIR_WEIGHT = 0.5;

const stopWords = new Set(
  (
    'a an the is are was were be been am i me my mine we our us you your it its this that these those ' +
    'to of on in at for from with and or but so as by not no do does did doing have has had just very ' +
    'really please can could would will should there here what when how why who which also any some ' +
    'all get got im ive dont cant doesnt isnt wont didnt again still now since after before about into ' +
    'then than them they their he she his her if up out one ' +
    // Words every support chat uses whatever the problem; as routing evidence they only add noise,
    // and they are what follow-up replies ("didn't help, same error") are made of.
    'hi hello hey thanks thank thx ok okay yes yeah help problem problems issue issues same tried try ' +
    'trying work works working worked anything something nothing everything seems seem thing things ' +
    'know need want like today yesterday morning anymore keep keeps kept error errors broken change ' +
    'changed changes ticket tickets create created restart restarted reboot rebooted happen happened ' +
    'step steps'
  ).split(' '),
);

/** The Japanese of follow-up replies (再起動しましたが変わりません, 同じエラー, チケットを作成). */
const japaneseStopTokens = new Set(
  '再起 再 変わ 変 同じ 同 試し 試 直り 直っ 直 エラ ラー エラー チケ ケッ ット チケット 作成 作 成 起票 票 お願 願'.split(
    ' ',
  ),
);

/**
 * Product names as Japanese employees write them in katakana (アウトルック, チームズ, エクセル) read as
 * the product: a whole katakana word only, so パスワード is not "word".
 */
const KATAKANA_PRODUCTS: Record<string, string> = {
  outlook: 'アウトルック',
  teams: 'チームズ|チームス',
  excel: 'エクセル',
  word: 'ワード',
  powerpoint: 'パワーポイント|パワポ',
  onedrive: 'ワンドライブ',
  sharepoint: 'シェアポイント',
  zoom: 'ズーム',
  webex: 'ウェブエックス|ウェベックス',
  acrobat: 'アクロバット',
  adobe: 'アドビ',
  chrome: 'クローム|クロム',
  edge: 'エッジ',
  windows: 'ウィンドウズ|ウインドウズ',
  office: 'オフィス',
  iphone: 'アイフォン|アイフォーン',
  ipad: 'アイパッド',
  android: 'アンドロイド',
  wifi: 'ワイファイ',
  vpn: 'ブイピーエヌ',
  bluetooth: 'ブルートゥース|ブルートゥス',
  bitlocker: 'ビットロッカー',
  authenticator: 'オーセンティケーター|オーセンティケータ',
  globalprotect: 'グローバルプロテクト',
  anyconnect: 'エニーコネクト',
  intune: 'インチューン',
};
const katakanaProducts = Object.entries(KATAKANA_PRODUCTS).map(
  ([name, spellings]) =>
    [new RegExp(`(?<![\u30a1-\u30fa\u30fc])(?:${spellings})(?![\u30a1-\u30fa\u30fc])`, 'gu'), ` ${name} `] as const,
);

function withProductNames(text: string): string {
  return katakanaProducts.reduce((t, [pattern, name]) => t.replace(pattern, name), text);
}

export function tokenize(text: string): string[] {
  const normalized = withProductNames(text.normalize('NFKC'))
    .toLowerCase()
    .replace(/\bwi-?fi\b/g, 'wifi')
    .replace(/\be-mail/g, 'email')
    .replace(/\blicenc/g, 'licens')
    // "C:", "C drive", "Cドライブ": a drive letter is one token, not a dropped single letter.
    .replace(/\b([a-z]):?\s*(?:drive\b|ドライブ)/g, '$1drive ')
    .replace(/['’]/g, '')
    // 再起動 ("restarted") is in almost every reply and would otherwise read as 起動 ("won't start").
    .replace(/再起動/g, ' ');
  const tokens: string[] = [];
  const words: string[] = [];
  for (const word of normalized.replace(cjkRun, ' ').match(latinWord) ?? []) {
    if (word.length < 2 || stopWords.has(word)) continue;
    words.push(stem(word));
  }
  tokens.push(...words);
  for (let i = 0; i + 1 < words.length; i++) tokens.push(`${words[i]}${PAIR_SEPARATOR}${words[i + 1]}`);
  const japanese: string[] = [];
  for (const run of normalized.match(cjkRun) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) japanese.push(run);
    for (let i = 0; i + 1 < chars.length; i++) {
      const pair = `${chars[i]}${chars[i + 1]}`;
      // A particle glued to the next or previous word (が出, ーが) is not part of either word.
      if (!hiraganaOnly.test(pair) && particle.test(pair)) continue;
      japanese.push(pair);
    }
    for (const ch of chars) if (kanji.test(ch)) japanese.push(ch);
    // A loanword is one word however long (タイムアウト); the long-vowel mark is spelt both ways.
    for (const word of run.match(katakanaWord) ?? []) japanese.push(word.replace(/ー+$/u, ''));
  }
  return [...tokens, ...japanese.filter((t) => !japaneseStopTokens.has(t))];
}

/**
 * How much a query token counts. Bigrams of hiragana alone (ます, ない, して) are mostly grammar,
 * a lone kanji is ambiguous, and a katakana bigram is a fragment of a word that also counts whole,
 * so all three count for less than a kanji bigram or a Latin word.
 */
export function tokenWeight(token: string): number {
  if (token.includes(PAIR_SEPARATOR)) return PAIR_WEIGHT;
  if (hiraganaOnly.test(token)) return 0.3;
  if (katakanaOnly.test(token)) return Array.from(token).length > 2 ? 1 : 0.25;
  if (kanji.test(token)) return 0.5;
  return 1;
}

/** A few suffix rules, applied the same way to playbooks and queries, so only consistency matters. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3 || /^\d/.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (/(sses|xes|shes)$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}
