/**
 * Tokens for retrieval in English and Japanese without a dictionary: Latin text becomes
 * lower-cased, lightly stemmed words; runs of Japanese script become overlapping character
 * bigrams, which match Japanese words well enough for routing among a few dozen playbooks.
 */
const cjkRun = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]+/gu;
const latinWord = /[a-z0-9]+/g;

const stopWords = new Set(
  (
    'a an the is are was were be been am i me my mine we our us you your it its this that these those ' +
    'to of on in at for from with and or but so as by not no do does did doing have has had just very ' +
    'really please can could would will should there here what when how why who which also any some ' +
    'all get got im ive dont cant doesnt isnt wont didnt again still now since after before about into ' +
    'then than them they their he she his her if up out one'
  ).split(' '),
);

export function tokenize(text: string): string[] {
  const normalized = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\bwi-?fi\b/g, 'wifi')
    .replace(/\be-mail/g, 'email')
    .replace(/['’]/g, '');
  const tokens: string[] = [];
  for (const word of normalized.replace(cjkRun, ' ').match(latinWord) ?? []) {
    if (word.length < 2 || stopWords.has(word)) continue;
    tokens.push(stem(word));
  }
  for (const run of normalized.match(cjkRun) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(run);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(`${chars[i]}${chars[i + 1]}`);
  }
  return tokens;
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
