/**
 * One load level: N simulated employees, each holding escalation after escalation for a fixed
 * duration at a given pace. Throughput and CPU are taken over the window (turns completed inside
 * it, the server's own CPU time across it); latencies over every turn, including the ones that
 * finish while the level drains (saturated: escalations under way are finished; realistic: no new
 * message starts after the window closes).
 */
import { escalate, newTally, TURN_KINDS, type Tally, type TurnKind } from './employee.js';
import type { ServerProcess } from './server-process.js';
import { summarise, type Summary } from './stats.js';

export type Pace = 'saturated' | 'realistic';

/** Think time between messages, ms. */
export const PACES: Record<Pace, [number, number]> = { saturated: [0, 200], realistic: [2000, 6000] };

export interface LevelResult {
  server: ServerProcess['kind'];
  pace: Pace;
  employees: number;
  windowSeconds: number;
  drainSeconds: number;
  turnsInWindow: number;
  turnsPerSecond: number;
  cpuMsPerTurn: number;
  /** Share of one core the server used over the window. */
  cpuCores: number;
  latency: Record<TurnKind | 'all', Summary>;
  confirmToTicket: Summary;
  escalations: number;
  connects: number;
  failures: Record<string, number>;
  rssAfter: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const between = ([low, high]: [number, number]) => low + Math.random() * (high - low);

async function employeeLoop(url: string, slot: number, pace: Pace, deadline: number, tally: Tally) {
  // The first message of a realistic employee lands anywhere in one think interval: no herd at t=0.
  let first = pace === 'realistic';
  // Saturated, an escalation under way is finished after the window (else the slow kinds, offer and
  // confirm, would be cut off and their percentiles flattered); at the realistic pace that would
  // mean up to three more think times per level, so it stops at the window's end.
  // A declined start ends the employee: looping on would spin on resolved promises until the
  // deadline, freezing this process (timers, replies in flight) for up to one think time.
  let stopped = false;
  const think = async (stage: 'start' | 'next') => {
    const wait = first ? Math.random() * PACES.realistic[1] : between(PACES[pace]);
    first = false;
    const isBound = stage === 'start' || pace === 'realistic';
    const fits = !isBound || performance.now() + wait < deadline;
    if (fits) await sleep(wait);
    const go = fits && (!isBound || performance.now() < deadline);
    if (!go && stage === 'start') stopped = true;
    return go;
  };
  let opener = slot;
  while (!stopped && performance.now() < deadline) await escalate({ url, slot, think, tally }, opener++);
}

function summariseTally(tally: Tally): Pick<LevelResult, 'latency' | 'confirmToTicket'> {
  const byKind = (kind: TurnKind) => summarise(tally.turns.filter((t) => t.kind === kind).map((t) => t.ms));
  const latency = Object.fromEntries(TURN_KINDS.map((kind) => [kind, byKind(kind)])) as LevelResult['latency'];
  latency.all = summarise(tally.turns.map((t) => t.ms));
  return { latency, confirmToTicket: summarise(tally.ticketMs) };
}

export async function runLevel(
  server: ServerProcess,
  level: { employees: number; pace: Pace; seconds: number },
): Promise<LevelResult> {
  const tally = newTally();
  const before = await server.stats();
  const start = performance.now();
  const deadline = start + level.seconds * 1000;
  const loops = Array.from({ length: level.employees }, (_, slot) =>
    employeeLoop(server.url, slot, level.pace, deadline, tally),
  );
  await sleep(level.seconds * 1000);
  const atDeadline = await server.stats();
  await Promise.all(loops);
  const drainSeconds = (performance.now() - deadline) / 1000;
  const after = await server.stats();
  const turnsInWindow = tally.turns.filter((t) => t.at <= deadline).length;
  const cpuMs = (atDeadline.cpuMicros - before.cpuMicros) / 1000;
  return {
    server: server.kind,
    pace: level.pace,
    employees: level.employees,
    windowSeconds: level.seconds,
    drainSeconds,
    turnsInWindow,
    turnsPerSecond: turnsInWindow / level.seconds,
    cpuMsPerTurn: turnsInWindow ? cpuMs / turnsInWindow : NaN,
    cpuCores: cpuMs / (level.seconds * 1000),
    ...summariseTally(tally),
    escalations: tally.escalations,
    connects: tally.connects,
    failures: Object.fromEntries(tally.failures),
    rssAfter: after.rss,
  };
}
