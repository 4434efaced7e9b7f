/** Renders the bench's figures as plain-text tables on stdout. */
import type { LevelResult, Pace } from './load.js';
import { PACES } from './load.js';
import { TURN_KINDS } from './employee.js';
import { kb, mib, ms, ratio, type Summary } from './stats.js';
import type { DeskCreateResult, LongConversationResult, MemoryResult } from './storage.js';
import type { FairnessResult } from './fairness.js';
import type { FrameworkResult } from './framework.js';

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)));
  const rule = widths.map((w) => '-'.repeat(w));
  return [line(header), rule, ...rows.map(line)].map((cells) => `  ${cells.join('  ')}`).join('\n');
}

const triple = (s: Summary) => (s.n ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : '–');

function countsText(counts: Record<string, number>): string {
  const entries = Object.entries(counts);
  const total = entries.reduce((sum, [, n]) => sum + n, 0);
  const timeouts = entries.filter(([k]) => k.startsWith('timeout:')).reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return '0';
  const top = entries
    .sort((a, b) => b[1] - a[1])
    .slice(0, 2)
    .map(([k, n]) => `${k} ${n}`);
  return `${total} (${timeouts} t/o; ${top.join(', ')})`;
}

export const failureText = (result: LevelResult): string => countsText(result.failures);

function pairs(results: LevelResult[], pace: Pace) {
  const at = (server: LevelResult['server'], n: number) =>
    results.find((r) => r.server === server && r.pace === pace && r.employees === n);
  const levels = [...new Set(results.filter((r) => r.pace === pace).map((r) => r.employees))];
  return levels.flatMap((n) => {
    const product = at('product', n);
    const floor = at('echo', n);
    return product && floor ? [{ n, product, floor }] : [];
  });
}

function paceTables(results: LevelResult[], pace: Pace): string {
  const rows = pairs(results, pace);
  if (rows.length === 0) return '';
  const [low, high] = PACES[pace];
  const window = rows[0]!.product.windowSeconds;
  const summary = table(
    [
      'N',
      'turn p50 / p95 / p99',
      'floor p50 / p95 / p99',
      'p99 ×',
      'turns/s (floor)',
      'CPU/turn (floor)',
      'CPU ×',
      'failures',
      'floor failures',
    ],
    rows.map(({ n, product: p, floor: f }) => [
      String(n),
      triple(p.latency.all),
      triple(f.latency.all),
      ratio(p.latency.all.p99, f.latency.all.p99),
      `${p.turnsPerSecond.toFixed(1)} (${f.turnsPerSecond.toFixed(0)})`,
      `${ms(p.cpuMsPerTurn)} (${ms(f.cpuMsPerTurn)})`,
      ratio(p.cpuMsPerTurn, f.cpuMsPerTurn),
      failureText(p),
      failureText(f),
    ]),
  );
  const byKind = table(
    ['N', 'server', ...TURN_KINDS.map((k) => `${k} p50 / p95 / p99`), 'confirm→ticket:created p50 / p99', 'cores'],
    rows.flatMap(({ n, product, floor }) =>
      [product, floor].map((r) => [
        String(n),
        r.server === 'echo' ? 'floor' : 'product',
        ...TURN_KINDS.map((k) => triple(r.latency[k])),
        r.confirmToTicket.n ? `${ms(r.confirmToTicket.p50)} / ${ms(r.confirmToTicket.p99)}` : '–',
        r.cpuCores.toFixed(2),
      ]),
    ),
  );
  const title = `${pace} pace (${low / 1000}–${high / 1000} s between messages, ${window} s per level; failures: total (time-outs; top reasons))`;
  return `\n${title}\n${summary}\n\nby turn kind\n${byKind}\n`;
}

export function printLevels(results: LevelResult[]): void {
  for (const pace of Object.keys(PACES) as Pace[]) console.log(paceTables(results, pace));
}

export function printDeskCreate(desk: DeskCreateResult | undefined, confirmAtOne: Summary | undefined): void {
  if (!desk) return;
  console.log('\nconfirm → ticket:created (1 employee, saturated) against a direct REST create on the desk');
  const rows = [['direct POST /desk/rest/api/2/issue', String(desk.latency.n), triple(desk.latency)]];
  if (confirmAtOne) rows.unshift(['confirm → ticket:created', String(confirmAtOne.n), triple(confirmAtOne)]);
  console.log(table(['', 'n', 'p50 / p95 / p99'], rows));
  if (confirmAtOne) console.log(`  ratio p50: ${ratio(confirmAtOne.p50, desk.latency.p50)}`);
}

export function printMemory(memory: MemoryResult[]): void {
  if (memory.length === 0) return;
  console.log('\nmemory and storage after many escalations (fresh server, full GC before each reading)');
  console.log(
    table(
      ['server', 'escalations', 'RSS', 'heap used', 'DATA_DIR', 'DATA_DIR per escalation', 'seconds'],
      memory.map((m) => [
        m.server === 'echo' ? 'floor' : 'product',
        String(m.escalations),
        mib(m.rss),
        mib(m.heapUsed),
        mib(m.dataBytes),
        m.escalations ? kb(m.dataBytes / m.escalations) : '–',
        m.seconds.toFixed(0),
      ]),
    ),
  );
}

export function printLongConversation(result: LongConversationResult | undefined): void {
  if (!result) return;
  console.log(`\none long conversation (${result.note})`);
  console.log(
    table(
      ['turns', 'messages', 'DATA_DIR', 'bytes per turn since last row', 'RSS', 'turn p50 (last 20)', 'failures'],
      result.marks.map((m) => [
        String(m.turns),
        String(m.turns * 2),
        mib(m.dataBytes),
        kb(m.bytesPerTurn),
        mib(m.rss),
        ms(m.recentTurnP50),
        m.failures
          ? `${m.failures} (${Object.entries(m.reasons)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')})`
          : '0',
      ]),
    ),
  );
}

function floodText(run: FairnessResult): string[] {
  const flood = run.flood;
  if (!flood) return ['–', '–', '–'];
  const perSecond = flood.seconds ? ` (${(flood.sent / flood.seconds).toFixed(0)}/s)` : '';
  const codes = Object.entries(flood.refusedBy)
    .sort((a, b) => b[1] - a[1])
    .map(([code, n]) => `${code.replace('rate_limit:', '')} ${n}`);
  const retry = flood.retryAfterMs.n ? `${ms(flood.retryAfterMs.p50)} / ${ms(flood.retryAfterMs.max)}` : '–';
  return [
    `${flood.sent} / ${flood.accepted} / ${flood.refused}${perSecond}${codes.length ? ` [${codes.join(', ')}]` : ''}`,
    retry,
    countsText(flood.errors),
  ];
}

export function printFairness(runs: FairnessResult[]): void {
  if (runs.length === 0) return;
  const { windowSeconds, bystanders } = runs[0]!;
  const [low, high] = PACES.realistic;
  console.log(
    `\nfairness: ${bystanders.employees} bystanders at ${low / 1000}–${high / 1000} s between messages for ${windowSeconds} s, ` +
      'alone and with flooders (each one employee in one conversation on its own loopback address, ' +
      'sending message:send as fast as its acks come back); /healthz every 200 ms',
  );
  const rows = runs.map((r) => [
    String(r.flooders),
    r.server === 'echo' ? 'floor' : 'product',
    `${triple(r.bystanders.latency.all)} (${r.bystanders.latency.all.n})`,
    failureText(r.bystanders),
    ...floodText(r),
    r.healthz.n ? `${ms(r.healthz.p50)} / ${ms(r.healthz.p99)} / ${ms(r.healthz.max)}` : '–',
    String(r.healthz.failures),
    r.bystanders.cpuCores.toFixed(2),
  ]);
  const header = ['flooders', 'server', 'bystander turn p50 / p95 / p99 (n)', 'bystander failures'];
  header.push('flood sent / accepted / refused (rate) [refused by]', 'retry-after p50 / max', 'flood errors');
  header.push('/healthz p50 / p99 / max', '/healthz failed', 'server cores');
  console.log(table(header, rows));
}

/** The framework's own cost per call beside the product's CPU per turn at each saturated level. */
export function printFramework(framework: FrameworkResult | undefined, levels: LevelResult[]): void {
  if (!framework) return;
  const rows = [
    ['an empty one-node LangGraph graph, no checkpointer', ms(framework.emptyGraphMs)],
    ['the same with the SQLite checkpointer', ms(framework.emptyGraphSqliteMs)],
    ["the product's agent alone (offline, no sockets, stores or MCP), per turn", ms(framework.agentTurnMs)],
    ...levels
      .filter((r) => r.server === 'product' && r.pace === 'saturated')
      .map((r) => [
        `the whole product per turn, saturated, ${r.employees} employee${r.employees === 1 ? '' : 's'}`,
        ms(r.cpuMsPerTurn),
      ]),
  ];
  console.log(`\nwhere a turn's CPU goes (one process, after a warm-up)\n${table(['what', 'CPU per call'], rows)}`);
}
