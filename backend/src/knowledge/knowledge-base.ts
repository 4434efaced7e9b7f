/**
 * Loads the playbooks from a folder of Markdown files and routes an employee's words to the best
 * one with BM25. Title and keywords are repeated in the indexed text because they are written to
 * be matched, while the steps mostly share generic words ("restart", "sign in").
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { createBm25Index } from './bm25.js';
import { parsePlaybook } from './playbook-file.js';
import type { KnowledgeBase, Playbook, RouteMatch } from './ports.js';
import { tokenize } from './tokenize.js';

export interface KnowledgeBaseOptions {
  dir: string;
  /** Below this BM25 score `route` answers undefined. */
  minScore?: number;
}

const TITLE_WEIGHT = 2;
const KEYWORD_WEIGHT = 3;
export const DEFAULT_MIN_SCORE = 1.5;

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
  const index = createBm25Index(playbooks.map(indexedTokens));

  return {
    route(text): RouteMatch | undefined {
      const best = index.search(tokenize(text))[0];
      const playbook = best === undefined ? undefined : playbooks[best.index];
      if (!best || !playbook || best.score < minScore) return undefined;
      return { category: playbook.category, playbook, score: best.score };
    },
    get: (id) => byId.get(id),
    list: () => playbooks,
  };
}

function indexedTokens(playbook: Playbook): string[] {
  const keywords = tokenize([...playbook.keywordsEn, ...playbook.keywordsJa].join(' '));
  const title = tokenize(playbook.title);
  const body = tokenize([...playbook.steps, ...playbook.stepsJa, playbook.escalateWhen].join(' '));
  return [
    ...Array.from({ length: TITLE_WEIGHT }, () => title).flat(),
    ...Array.from({ length: KEYWORD_WEIGHT }, () => keywords).flat(),
    ...body,
  ];
}
