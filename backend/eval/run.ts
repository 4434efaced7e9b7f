/**
 * `npm run eval`: every scripted conversation through one real server, then a pass-rate table per
 * pattern, the failing ids with their first failure, and a line for the shared samples. A report,
 * not a gate: it always exits 0 (the vitest suite is the gate).
 */
import { loadCases, PATTERNS, type ConversationCase } from '../test/conversations/case-schema.js';
import { runCase, startConversationServer, type CaseOutcome } from '../test/conversations/run-case.js';
import { mapPool } from './pool.js';
import { samplesReport } from './samples-report.js';

interface Row {
  pattern: string;
  cases: number;
  passed: number;
}

// eslint forbids console in backend code; a report writes to stdout directly.
const print = (text: string) => process.stdout.write(`${text}\n`);

const pct = (passed: number, total: number) => (total === 0 ? '-' : `${((100 * passed) / total).toFixed(0)} %`);

function table(rows: Row[]): string {
  const head = ['pattern', 'cases', 'passed', 'pass rate'];
  const body = rows.map((r) => [r.pattern, String(r.cases), String(r.passed), pct(r.passed, r.cases)]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function rowsOf(cases: ConversationCase[], outcomes: CaseOutcome[]): Row[] {
  const rows = PATTERNS.map((pattern) => {
    const idx = cases.flatMap((c, i) => (c.pattern === pattern ? [i] : []));
    return { pattern, cases: idx.length, passed: idx.filter((i) => outcomes[i]!.ok).length };
  }).filter((r) => r.cases > 0);
  const byLang = (lang: 'en' | 'ja'): Row => {
    const idx = cases.flatMap((c, i) => (c.lang === lang ? [i] : []));
    return { pattern: `total (${lang})`, cases: idx.length, passed: idx.filter((i) => outcomes[i]!.ok).length };
  };
  const all = { pattern: 'TOTAL', cases: cases.length, passed: outcomes.filter((o) => o.ok).length };
  return [...rows, byLang('en'), byLang('ja'), all];
}

async function main(): Promise<void> {
  // EVAL_CASES_DIR runs another set of cases (e.g. a held-out one) through the same report.
  const cases = loadCases(process.env.EVAL_CASES_DIR || undefined);
  const server = await startConversationServer();
  try {
    const outcomes = await mapPool(cases, 4, (c) =>
      runCase(server.url, c).catch((e: unknown): CaseOutcome => ({
        ok: false,
        failures: [`runner error: ${String(e)}`],
      })),
    );
    print(table(rowsOf(cases, outcomes)));
    const failing = cases.flatMap((c, i) => (outcomes[i]!.ok ? [] : [`  ${c.id}: ${outcomes[i]!.failures[0]}`]));
    print(`\nfailing (${failing.length}):\n${failing.join('\n') || '  none'}`);
    print(`\n${await samplesReport(server.url)}`);
  } finally {
    await server.close();
  }
}

main()
  .catch((e: unknown) => process.stderr.write(`eval could not run: ${String(e)}\n`))
  .finally(() => process.exit(0));
