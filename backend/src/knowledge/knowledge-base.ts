/**
 * Loads the playbooks from a folder of Markdown files and routes an employee's words to the best
 * one with BM25 over two fields: what a playbook is about (title and keywords, written to be
 * matched) and what it says (the steps, which share many generic words such as "restart"). Each
 * field has its own term statistics, so a word that many steps mention ("install") still counts
 * fully for the one playbook that lists it as a keyword.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createBm25Index, type Bm25Index } from './bm25.js';
import { parsePlaybook } from './playbook-file.js';
import type { Category } from '../domain/index.js';
import type { KnowledgeBase, Playbook, RouteMatch } from './ports.js';
import { tokenize, tokenWeight } from './tokenize.js';

export interface KnowledgeBaseOptions {
  dir: string;
  /** Below this score `route` answers undefined. */
  minScore?: number;
}

/** How much the steps count next to title and keywords. */
const BODY_WEIGHT = 0.3;
/** A misspelt word ("outlok", "wifii") counts for a little less than the word itself. */
const TYPO_WEIGHT = 0.8;
export const DEFAULT_MIN_SCORE = 1.5;
/**
 * How much what a whole category is about counts. A product name shared by every playbook of its
 * category ("Teams", "Outlook") is weak evidence among playbooks but strong evidence for the category.
 */
const CATEGORY_WEIGHT = 0.5;
/** Categories differ in how many playbooks they have; length counts for less than between playbooks. */
const CATEGORY_LENGTH_NORMALISATION = 0.3;

export async function createKnowledgeBase(options: KnowledgeBaseOptions): Promise<KnowledgeBase> {
  const files = (await fs.readdir(options.dir)).filter((f) => f.endsWith('.md')).sort();
  const playbooks = await Promise.all(
    files.map(async (file) => parsePlaybook(await fs.readFile(path.join(options.dir, file), 'utf8'), file)),
  );
  return knowledgeBaseFrom(playbooks, options.minScore);
}

export function knowledgeBaseFrom(playbooks: readonly Playbook[], minScore = DEFAULT_MIN_SCORE): KnowledgeBase {
  const byId = new Map<string, Playbook>();
  for (const playbook of playbooks) {
    if (byId.has(playbook.id)) throw new Error(`playbook ${playbook.file}: duplicate id "${playbook.id}"`);
    byId.set(playbook.id, playbook);
  }
  const about = createBm25Index(playbooks.map(aboutTokens));
  const says = createBm25Index(playbooks.map(bodyTokens));
  const kinds = createCategoryIndex(playbooks);
  const correct = createTypoCorrector(about);

  return {
    route(text): RouteMatch | undefined {
      const tokens = tokenize(text);
      const corrections = correct(tokens);
      const query = [...tokens, ...corrections.keys()];
      const weight = (term: string) => tokenWeight(term) * (corrections.has(term) ? TYPO_WEIGHT : 1);
      const scores = new Map<number, number>();
      for (const hit of about.search(query, weight)) scores.set(hit.index, hit.score);
      for (const hit of says.search(query, weight)) {
        scores.set(hit.index, (scores.get(hit.index) ?? 0) + BODY_WEIGHT * hit.score);
      }
      const kindScore = kinds.scorer(query, weight);
      const ranked = (index: number, score: number) => score + CATEGORY_WEIGHT * kindScore(index);
      // Ties go to the earlier file, so routing never depends on Map or sort internals.
      const [bestIndex] = [...scores].reduce<[number, number]>(
        (best, [index, score]) => {
          const r = ranked(index, score);
          return r > best[1] || (r === best[1] && index < best[0]) ? [index, r] : best;
        },
        [-1, 0],
      );
      const playbook = playbooks[bestIndex];
      // The score reported is the playbook's own, so thresholds keep their meaning.
      const bestScore = scores.get(bestIndex) ?? 0;
      if (!playbook || bestScore < minScore) return undefined;
      return { category: playbook.category, playbook, score: bestScore };
    },
    get: (id) => byId.get(id),
    list: () => playbooks,
  };
}

/**
 * Categories whose playbooks are about different things that only share a label: security
 * incidents (a phishing email, a lost laptop, malware) and "other". Words they share ("email",
 * "link") say nothing about a security incident, so they get no category score.
 */
const UNRELATED_CATEGORIES: readonly Category[] = ['security', 'other'];

/** BM25 over one document per category (its playbooks' titles and keywords), looked up per playbook. */
function createCategoryIndex(playbooks: readonly Playbook[]) {
  const categories = [...new Set(playbooks.map((p) => p.category))].filter((c) => !UNRELATED_CATEGORIES.includes(c));
  const categoryOf = playbooks.map((p) => categories.indexOf(p.category));
  const index = createBm25Index(
    categories.map((c) => playbooks.filter((p) => p.category === c).flatMap(aboutTokens)),
    { b: CATEGORY_LENGTH_NORMALISATION },
  );
  return {
    scorer(query: readonly string[], weight: (term: string) => number): (playbookIndex: number) => number {
      const scores = new Map(index.search(query, weight).map((hit) => [hit.index, hit.score]));
      return (playbookIndex) => scores.get(categoryOf[playbookIndex] ?? -1) ?? 0;
    },
  };
}

function aboutTokens(playbook: Playbook): string[] {
  return [...tokenize(playbook.title), ...tokenize([...playbook.keywordsEn, ...playbook.keywordsJa].join(' , '))];
}

function bodyTokens(playbook: Playbook): string[] {
  return tokenize([...playbook.steps, ...playbook.stepsJa, playbook.escalateWhen].join(' '));
}

/**
 * Maps each unknown Latin word of five letters or more to the known keyword words one edit away
 * (a letter added, dropped, changed or two swapped), so typed-in-a-hurry messages still route.
 */
function createTypoCorrector(index: Bm25Index): (tokens: readonly string[]) => Set<string> {
  const known = [...index.terms()].filter((t) => /^[a-z][a-z0-9]{3,}$/.test(t));
  return (tokens) => {
    const corrections = new Set<string>();
    for (const token of tokens) {
      if (token.length < 5 || !/^[a-z][a-z0-9]*$/.test(token) || index.has(token)) continue;
      for (const word of known) if (withinOneEdit(token, word)) corrections.add(word);
    }
    return corrections;
  };
}

export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const restA = a.slice(i);
  const restB = b.slice(i);
  return (
    restA.slice(1) === restB.slice(1) || // changed
    restA.slice(1) === restB || // added in a
    restA === restB.slice(1) || // dropped from a
    (restA.length > 1 && restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)) // swapped
  );
}
