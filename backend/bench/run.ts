/**
 * `npm run bench [-- --quick]`: loads the product (embedded defaults: offline engine, local desk,
 * fresh temp DATA_DIR, its own process) and a bare socket.io echo server (the floor, its own
 * process) in turn, with simulated employees holding full escalations, and prints the figures side
 * by side; the raw figures go to bench/results/latest.json. Not a test: nothing fails on a number.
 *
 * Full: 1, 50, 200 and 1,000 employees at a saturated and a realistic pace, then memory and
 * storage after 1,000 and 5,000 escalations and along one 1,500-message conversation. Then
 * fairness (`./fairness.ts`): 50 employees at the realistic pace alone, beside one flooding client
 * and beside 20, against the product and the floor.
 * --quick: 1 and 50 employees saturated, 50 at the realistic pace (one employee at 2–6 s per message
 * says nothing in seconds), short windows, fairness on the product (alone, 1 and 20 flooders) and
 * the floor (20 flooders) only, no memory/storage phase (under 90 s).
 * Both: the framework phase (`./framework.ts`), CPU per call of an empty LangGraph graph and of the
 * agent alone, against the product's CPU per turn.
 * --storage: only the memory and storage phases of the full run (no load levels, no fairness).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ADDRESS_COUNT } from './employee.js';
import { runFairness, startFlooder, type FairnessResult, type Flooder } from './fairness.js';
import { measureFramework } from './framework.js';
import { runLevel, type LevelResult, type Pace } from './load.js';
import {
  printDeskCreate,
  printFairness,
  printFramework,
  printLevels,
  printLongConversation,
  printMemory,
} from './report.js';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { measureDeskCreate, measureLongConversation, measureMemory, type MemoryResult } from './storage.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const isQuick = process.argv.includes('--quick');
const isStorage = process.argv.includes('--storage');
const mode = isQuick ? 'quick' : isStorage ? 'storage' : 'full';

const PLAN = isStorage
  ? {
      levels: { saturated: [], realistic: [] },
      seconds: { saturated: 0, realistic: 0 },
      warmupSeconds: 0,
      memory: [1000, 5000],
      longTurns: 750,
      fairness: { seconds: 0, bystanders: 0, flooders: { echo: [], product: [] } },
    }
  : isQuick
    ? {
        levels: { saturated: [1, 50], realistic: [50] },
        seconds: { saturated: 3, realistic: 10 },
        warmupSeconds: 2,
        memory: [],
        longTurns: 0,
        fairness: { seconds: 6, bystanders: 50, flooders: { echo: [20], product: [0, 1, 20] } },
      }
    : {
        levels: { saturated: [1, 50, 200, 1000], realistic: [1, 50, 200, 1000] },
        seconds: { saturated: 15, realistic: 20 },
        warmupSeconds: 5,
        memory: [1000, 5000],
        longTurns: 750,
        fairness: { seconds: 20, bystanders: 50, flooders: { echo: [0, 1, 20], product: [0, 1, 20] } },
      };

const progress = (line: string) =>
  process.stderr.write(`· ${(performance.now() / 1000).toFixed(0).padStart(3)} s  ${line}\n`);

async function loadLevels(servers: ServerProcess[]): Promise<LevelResult[]> {
  const results: LevelResult[] = [];
  for (const pace of ['saturated', 'realistic'] as Pace[]) {
    for (const employees of PLAN.levels[pace]) {
      // Alternating, floor first, at each level: both see the same machine at nearly the same time.
      for (const server of servers) {
        const result = await runLevel(server, { employees, pace, seconds: PLAN.seconds[pace] });
        progress(
          `${pace} ${employees} ${server.kind}: ${result.turnsPerSecond.toFixed(1)} turns/s, p99 ${result.latency.all.p99.toFixed(0)} ms, drain ${result.drainSeconds.toFixed(1)} s`,
        );
        results.push(result);
      }
    }
  }
  return results;
}

/** After the load levels, on the same servers: each flooder count, floor first, as the levels alternate. */
async function fairnessRuns(servers: ServerProcess[], flooder: Flooder): Promise<FairnessResult[]> {
  const { seconds, bystanders, flooders } = PLAN.fairness;
  const counts = [...new Set(servers.flatMap((s) => flooders[s.kind]))].sort((a, b) => a - b);
  const results: FairnessResult[] = [];
  for (const count of counts) {
    for (const server of servers.filter((s) => flooders[s.kind].includes(count))) {
      const result = await runFairness(server, flooder, { bystanders, flooders: count, seconds });
      const flood = result.flood ? `, flood ${result.flood.sent} sent / ${result.flood.accepted} accepted` : '';
      progress(
        `fairness ${count} flooders ${server.kind}: bystander p99 ${result.bystanders.latency.all.p99.toFixed(0)} ms, /healthz max ${result.healthz.max.toFixed(0)} ms${flood}`,
      );
      results.push(result);
    }
  }
  return results;
}

async function serverPhases() {
  const [echo, product, flooder] = await Promise.all([
    startServerProcess('echo'),
    startServerProcess('product'),
    startFlooder(),
  ]);
  progress(`product at ${product.url} (desk token ${product.deskToken}), floor at ${echo.url}`);
  try {
    for (const server of [echo, product])
      await runLevel(server, { employees: 5, pace: 'saturated', seconds: PLAN.warmupSeconds });
    const desk = await measureDeskCreate(product, 30);
    const levels = await loadLevels([echo, product]);
    const fairness = await fairnessRuns([echo, product], flooder);
    return { desk, levels, fairness, stderr: { product: product.stderrLines(), floor: echo.stderrLines() } };
  } finally {
    flooder.close();
    await Promise.all([echo.stop(), product.stop()]);
  }
}

function noServerPhases(): Omit<Awaited<ReturnType<typeof serverPhases>>, 'desk'> & { desk: undefined } {
  return { desk: undefined, levels: [], fairness: [], stderr: { product: [], floor: [] } };
}

async function main(): Promise<void> {
  const started = performance.now();
  progress(`${mode} bench on ${os.cpus().length} cores, ${os.loadavg()[0]?.toFixed(2)} load`);
  const { desk, levels, fairness, stderr } = isStorage ? noServerPhases() : await serverPhases();
  const memory: MemoryResult[] = [];
  for (const kind of PLAN.memory.length ? (['echo', 'product'] as const) : []) {
    memory.push(...(await measureMemory(kind, PLAN.memory)));
    progress(`memory ${kind}: ${JSON.stringify(memory.at(-1))}`);
  }
  const framework = isStorage ? undefined : await measureFramework();
  if (framework) progress(`framework: ${JSON.stringify(framework)}`);
  const marks = [25, 50, 100, 200, 400, 500];
  const long = PLAN.longTurns ? await measureLongConversation(PLAN.longTurns, marks) : undefined;

  const confirmAtOne = levels.find((r) => r.server === 'product' && r.pace === 'saturated' && r.employees === 1);
  printLevels(levels);
  printDeskCreate(desk, confirmAtOne?.confirmToTicket);
  printFramework(framework, levels);
  printFairness(fairness);
  printMemory(memory);
  printLongConversation(long);
  const warnings = stderr.product.filter((l) => /Warning/.test(l));
  console.log(
    `\nproduct stderr during the load levels and fairness: ${stderr.product.length} lines, ${warnings.length} warnings`,
  );
  if (warnings[0]) console.log(`  first: ${warnings[0].slice(0, 160)}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `clients from ${ADDRESS_COUNT} loopback addresses; ${os.cpus().length} cores shared with the load generator; ${seconds.toFixed(0)} s in all`,
  );

  const out = path.join(here, 'results', 'latest.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const meta = {
    mode,
    at: new Date().toISOString(),
    cores: os.cpus().length,
    loadavg: os.loadavg(),
    seconds,
  };
  fs.writeFileSync(
    out,
    JSON.stringify({ meta, plan: PLAN, levels, desk, framework, fairness, memory, long, stderr }, null, 2),
  );
  console.log(`raw figures: ${path.relative(process.cwd(), out)}`);
}

await main();
