/**
 * Okapi BM25 over pre-tokenised documents. Small and in memory: the knowledge base has tens of
 * playbooks, so scoring every document per query is cheaper than maintaining postings.
 */
export interface Bm25Hit {
  index: number;
  score: number;
}

export interface Bm25Index {
  /** Hits with a score above zero, best first; `weight` scales each query term's contribution. */
  search(queryTokens: readonly string[], weight?: (term: string) => number): Bm25Hit[];
  /** Whether any document contains the term. */
  has(term: string): boolean;
  /** Every term of every document. */
  terms(): IterableIterator<string>;
}

export interface Bm25Options {
  /** Term-frequency saturation; higher lets repeated terms count for more. */
  k1?: number;
  /** Length normalisation from 0 (none) to 1 (full). */
  b?: number;
}

export function createBm25Index(
  documents: readonly (readonly string[])[],
  { k1 = 1.2, b = 0.75 }: Bm25Options = {},
): Bm25Index {
  const termCounts = documents.map((tokens) => {
    const counts = new Map<string, number>();
    for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  });
  const documentFrequency = new Map<string, number>();
  for (const counts of termCounts) {
    for (const term of counts.keys()) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
  }
  const n = documents.length;
  const averageLength = documents.reduce((sum, d) => sum + d.length, 0) / Math.max(1, n);
  const idf = (term: string): number => {
    const df = documentFrequency.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };

  return {
    has: (term) => documentFrequency.has(term),
    terms: () => documentFrequency.keys(),
    search(queryTokens, weight = () => 1) {
      const terms = [...new Set(queryTokens)].filter((t) => documentFrequency.has(t));
      const hits: Bm25Hit[] = [];
      termCounts.forEach((counts, index) => {
        const length = documents[index]?.length ?? 0;
        let score = 0;
        for (const term of terms) {
          const tf = counts.get(term) ?? 0;
          if (tf === 0) continue;
          score += (weight(term) * idf(term) * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * length) / averageLength));
        }
        if (score > 0) hits.push({ index, score });
      });
      return hits.sort((x, y) => y.score - x.score);
    },
  };
}
