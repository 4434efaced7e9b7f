/**
 * Fairness: while one client floods, do other employees' replies stay fast? Bystanders hold
 * escalations at the realistic pace for a window (a load level, `./load.ts`), alone, then while
 * flooders (`./children/flooder.ts`, its own process: each one employee in one conversation,
 * sending `message:send` as fast as its acks come back, from its own loopback address) flood the
 * same server; `/healthz` is sampled every 200 ms across it. Before each run the server is left
 * to finish what the last one queued (its CPU falls idle), so runs do not inherit each other's work.
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FloodCounts, FlooderCommand, FlooderReport } from './children/ipc.js';
import { runLevel, type LevelResult } from './load.js';
import type { ServerKind, ServerProcess } from './server-process.js';
import { summarise, type Summary } from './stats.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const HEALTHZ_EVERY_MS = 200;
const HEALTHZ_TIMEOUT_MS = 30_000;
/** Bystanders use slots 0…N-1 (127.0.0.2 on); flooders start here, on addresses of their own. */
const FLOODER_FIRST_SLOT = 100;

export interface FairnessResult {
  server: ServerKind;
  flooders: number;
  windowSeconds: number;
  /** Waited before the run for the server to fall idle. */
  idleWaitSeconds: number;
  bystanders: LevelResult;
  /** Null when the bystanders ran alone. */
  flood: FloodCounts | null;
  healthz: Summary & { failures: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function probe(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${url}/healthz`, { agent: false, timeout: HEALTHZ_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`status ${res.statusCode}`))));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', reject);
  });
}

/** GET /healthz every 200 ms on a fresh connection, without waiting for the previous answer. */
function sampleHealthz(url: string) {
  const samples: number[] = [];
  const pending = new Set<Promise<void>>();
  let failures = 0;
  const tick = () => {
    const start = performance.now();
    const done = probe(url).then(
      () => void samples.push(performance.now() - start),
      () => void (failures += 1),
    );
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };
  tick();
  const timer = setInterval(tick, HEALTHZ_EVERY_MS);
  return {
    async stop() {
      clearInterval(timer);
      await Promise.all(pending);
      return { ...summarise(samples), failures };
    },
  };
}

/** Waits (at most `maxMs`) until the server uses under a tenth of a core over a quarter second. */
async function waitForIdle(server: ServerProcess, maxMs = 20_000): Promise<number> {
  const start = performance.now();
  for (;;) {
    const before = await server.stats();
    await sleep(250);
    const after = await server.stats();
    const busy = (after.cpuMicros - before.cpuMicros) / 1000 / 250;
    if (busy < 0.1 || performance.now() - start > maxMs) return (performance.now() - start) / 1000;
  }
}

export interface Flooder {
  /** Resolves once the clients are connected and sending. */
  flood(url: string, clients: number): Promise<void>;
  /** Stops the flood; resolves with its counts once every send in flight is answered. */
  stop(): Promise<FloodCounts>;
  close(): void;
}

export async function startFlooder(): Promise<Flooder> {
  const child = fork(path.join(here, 'children', 'flooder.ts'), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const next = <T extends FlooderReport['type']>(type: T) =>
    new Promise<Extract<FlooderReport, { type: T }>>((resolve, reject) => {
      const onMessage = (report: FlooderReport) => {
        if (report.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(report as Extract<FlooderReport, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`flooder exited with ${code}`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const command = (message: FlooderCommand) => child.send(message);
  await next('ready');
  return {
    async flood(url, clients) {
      const flooding = next('flooding');
      command({ type: 'flood', url, clients, firstSlot: FLOODER_FIRST_SLOT });
      await flooding;
    },
    async stop() {
      const flooded = next('flooded');
      command({ type: 'stop' });
      return (await flooded).counts;
    },
    close: () => child.disconnect(),
  };
}

/** One run: `bystanders` employees at the realistic pace for `seconds`, with `flooders` flooding (0: alone). */
export async function runFairness(
  server: ServerProcess,
  flooder: Flooder,
  run: { bystanders: number; flooders: number; seconds: number },
): Promise<FairnessResult> {
  const idleWaitSeconds = await waitForIdle(server);
  if (run.flooders) await flooder.flood(server.url, run.flooders);
  const healthz = sampleHealthz(server.url);
  const bystanders = await runLevel(server, { employees: run.bystanders, pace: 'realistic', seconds: run.seconds });
  const flood = run.flooders ? await flooder.stop() : null;
  return {
    server: server.kind,
    flooders: run.flooders,
    windowSeconds: run.seconds,
    idleWaitSeconds,
    bystanders,
    flood,
    healthz: await healthz.stop(),
  };
}
