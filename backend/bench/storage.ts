/**
 * What the product keeps: RSS, heap and DATA_DIR bytes after many escalations on a fresh server;
 * DATA_DIR growth along one long conversation; and the desk's own REST create, the floor for
 * confirm → `ticket:created`.
 */
import { connect, escalate, newTally, turn, TurnFailure } from './employee.js';
import { startServerProcess, type ServerKind, type ServerProcess } from './server-process.js';
import { summarise, type Summary } from './stats.js';

export interface MemoryResult {
  server: ServerKind;
  escalations: number;
  rss: number;
  heapUsed: number;
  dataBytes: number;
  seconds: number;
  failures: Record<string, number>;
}

export interface DeskCreateResult {
  latency: Summary;
  failures: number;
}

export interface LongConversationMark {
  /** Employee messages sent; the conversation holds twice as many (each has its reply). */
  turns: number;
  dataBytes: number;
  bytesPerTurn: number;
  rss: number;
  recentTurnP50: number;
  failures: number;
  /** Failure reason ('timeout:long', 'ack:<code>') → count, since the start. */
  reasons: Record<string, number>;
}

export interface LongConversationResult {
  note: string;
  marks: LongConversationMark[];
}

const ready = () => Promise.resolve(true);

/** Escalations back to back (no think time) from `concurrency` employees until `until` have started. */
async function escalateUntil(server: ServerProcess, until: number, state: { started: number }, concurrency: number) {
  const tally = newTally();
  const worker = async (slot: number) => {
    while (state.started < until) {
      state.started += 1;
      await escalate({ url: server.url, slot, think: ready, tally }, state.started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, slot) => worker(slot)));
  return Object.fromEntries(tally.failures);
}

export async function measureMemory(kind: ServerKind, checkpoints: number[], concurrency = 50) {
  const server = await startServerProcess(kind);
  const results: MemoryResult[] = [];
  const state = { started: 0 };
  const start = performance.now();
  try {
    for (const escalations of checkpoints) {
      const failures = await escalateUntil(server, escalations, state, concurrency);
      const stats = await server.stats({ gc: true });
      const seconds = (performance.now() - start) / 1000;
      results.push({ server: kind, escalations, ...stats, dataBytes: server.dataBytes(), seconds, failures });
    }
  } finally {
    await server.stop();
  }
  return results;
}

export async function measureDeskCreate(server: ServerProcess, count: number): Promise<DeskCreateResult> {
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < count; i++) {
    const body = {
      fields: {
        project: { key: 'IT' },
        summary: `Bench direct create ${i}`,
        description: 'Created by npm run bench to time the desk on its own.',
        issuetype: { name: 'Task' },
      },
    };
    const start = performance.now();
    const res = await fetch(`${server.url}/desk/rest/api/2/issue`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.deskToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    await res.arrayBuffer();
    if (res.status === 201) samples.push(performance.now() - start);
    else failures += 1;
  }
  return { latency: summarise(samples), failures };
}

const LONG_SCRIPT = [
  'My VPN keeps disconnecting from home',
  'still not working',
  'still not working',
  'Yes, create a ticket',
  'thanks',
  'Outlook cannot send email',
  'still not working',
  'no thanks',
  'the printer on floor 3 prints blank pages',
  'it works now, thank you',
];

/**
 * One conversation of `total` employee turns, sent back to back. The product budgets 12 messages per
 * conversation per 30 s, and has no setting for it, so this server runs with the budget raised
 * (see children/product.ts); everything else is the default.
 */
export async function measureLongConversation(total: number, marks: number[]): Promise<LongConversationResult> {
  const server = await startServerProcess('product', { raiseLimits: true });
  const socket = await connect(server.url, 0);
  const result: LongConversationResult = {
    note: `${total} turns (${total * 2} messages) back to back, per-conversation and per-employee limits raised`,
    marks: [],
  };
  let recent: number[] = [];
  let failures = 0;
  const reasons: Record<string, number> = {};
  let previous = { turns: 0, dataBytes: server.dataBytes() };
  try {
    for (let i = 1; i <= total; i++) {
      try {
        recent.push((await turn(socket, LONG_SCRIPT[(i - 1) % LONG_SCRIPT.length]!, 'long')).ms);
      } catch (error) {
        if (!(error instanceof TurnFailure)) throw error;
        failures += 1;
        reasons[error.message] = (reasons[error.message] ?? 0) + 1;
      }
      if (!marks.includes(i) && i !== total) continue;
      const dataBytes = server.dataBytes();
      const bytesPerTurn = (dataBytes - previous.dataBytes) / (i - previous.turns);
      const { rss } = await server.stats({ gc: true });
      const recentTurnP50 = summarise(recent.slice(-20)).p50;
      result.marks.push({ turns: i, dataBytes, bytesPerTurn, rss, recentTurnP50, failures, reasons: { ...reasons } });
      previous = { turns: i, dataBytes };
      recent = [];
    }
  } finally {
    socket.close();
    await server.stop();
  }
  return result;
}
