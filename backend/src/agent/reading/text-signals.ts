/**
 * Small, explainable text signals for the offline engine, English and Japanese: language,
 * clauses, and phrase matching with a negation scope ("don't create", "not working") so that
 * a phrase counts only when the employee asserts it.
 */
import type { Language } from '../../domain/index.js';

const japaneseScript = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]/u;

/** The employee writing English to us, not pasting an English error: "I", "my", "you", "please", "hi". */
const speakingEnglish =
  /\b(?:i|i'm|im|i've|i'd|i'll|my|me|mine|we|our|us|please|pls|plz|thanks|thank|thx|hi|hello|hey|sorry)\b/i;

/**
 * Japanese script wins; otherwise English once there are a few Latin words, else keep the previous.
 * In a Japanese conversation, English text without a word of the employee's own ("Something went
 * wrong [1001]", a pasted error) keeps the conversation Japanese.
 */
export function detectLanguage(text: string, previous?: Language): Language {
  if (japaneseScript.test(text)) return 'ja';
  const latinWords = text.match(/[A-Za-z]{2,}/g)?.length ?? 0;
  if (previous === 'ja' && !speakingEnglish.test(text.normalize('NFKC').replace(/[’‘]/g, "'"))) return 'ja';
  if (previous === undefined || latinWords >= 3) return 'en';
  return previous;
}

/** Lower-case, NFKC, straight quotes, "n't" → " not", "'s" → " is", one space. */
export function normalizeEnglish(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\bcan't\b|\bcannot\b/g, 'can not')
    .replace(/\bwon't\b/g, 'will not')
    .replace(/n't\b/g, ' not')
    .replace(/\b(did|does|do|is|are|was|were|has|have|had|could|would|should|ca|wo)nt\b/g, (_m, verb: string) =>
      verb === 'ca' ? 'can not' : verb === 'wo' ? 'will not' : `${verb} not`,
    )
    .replace(/\b(it|that|what|who|there|everything|this)'s\b/g, '$1 is')
    .replace(/\bno (?:problem|worries)\b/g, 'ok')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Clauses split at punctuation and "but", so "still broken, yes create it" scopes separately. */
export function clausesOf(normalized: string): string[] {
  return normalized
    .split(/[,.;:!?。、！？\n]+|\bbut\b/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

const negators = new Set(['not', 'no', 'never', 'without', 'nothing', 'nor', 'neither']);
/** Words that make what follows hypothetical rather than asserted. */
const hypothetical = new Set(['if', 'until', 'unless', 'when', 'once', 'whether']);
const SCOPE = 3;

export interface PhraseScan {
  /** The phrase occurs with no negation or hypothetical word just before it. */
  affirmed: boolean;
  /** The phrase occurs negated ("not working", "don't create"). */
  negated: boolean;
}

/** `matchAll` needs the `g` flag; the rule tables are module constants, so each is copied once. */
const globalCopies = new WeakMap<RegExp, RegExp>();

function globalOf(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, `${pattern.flags}g`);
    globalCopies.set(pattern, copy);
  }
  return copy;
}

/** The few words before a phrase that can negate it, stopping at "and" / "then": "not X and then Y". */
function scopeBefore(text: string): string[] {
  const words = (text.match(/[a-z']+/g) ?? []).slice(-SCOPE);
  const boundary = Math.max(words.lastIndexOf('and'), words.lastIndexOf('then'));
  return words.slice(boundary + 1);
}

export function scanPhrases(normalized: string, patterns: readonly RegExp[]): PhraseScan {
  const result: PhraseScan = { affirmed: false, negated: false };
  for (const clause of clausesOf(normalized)) {
    for (const pattern of patterns) {
      for (const match of clause.matchAll(globalOf(pattern))) {
        const before = scopeBefore(clause.slice(0, match.index));
        if (before.some((w) => negators.has(w))) result.negated = true;
        else if (!before.some((w) => hypothetical.has(w))) result.affirmed = true;
      }
    }
  }
  return result;
}

export function startsAnyClause(normalized: string, pattern: RegExp): boolean {
  return clausesOf(normalized).some((clause) => pattern.test(clause));
}

export function startsFirstClause(normalized: string, pattern: RegExp): boolean {
  const first = clausesOf(normalized)[0];
  return first !== undefined && pattern.test(first);
}
