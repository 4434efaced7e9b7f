/**
 * The flooder of the fairness phase, in its own process so that its client-side work does not share
 * an event loop with the bystanders measured against it. On 'flood', N clients (each its own employee,
 * conversation and loopback address) connect, then each sends `message:send` as soon as the ack of
 * its previous one is back, whatever the ack says (a refusal's retry-after is ignored: that is the
 * flood). On 'stop', each finishes the send in flight and the counts go back to the parent.
 */
import { connect } from '../employee.js';
import { summarise } from '../stats.js';
import type { FloodCounts, FlooderCommand, FlooderReport } from './ipc.js';

const ACK_TIMEOUT_MS = 10_000;

interface Flood {
  stopping: boolean;
  counts: FloodCounts;
  retryAfter: number[];
}

const send = (report: FlooderReport) => process.send?.(report);
const bump = (map: Record<string, number>, key: string) => (map[key] = (map[key] ?? 0) + 1);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function connectOne(url: string, slot: number, flood: Flood) {
  try {
    const socket = await connect(url, slot);
    flood.counts.connects += 1;
    return socket;
  } catch (error) {
    bump(flood.counts.errors, (error as Error).message);
    await sleep(100);
    return undefined;
  }
}

/** One flooding client; reconnects (as a new employee) if the server drops it. */
async function floodOne(url: string, slot: number, flood: Flood, first: Awaited<ReturnType<typeof connectOne>>) {
  const { counts } = flood;
  let socket = first;
  while (!flood.stopping) {
    socket ??= await connectOne(url, slot, flood);
    if (!socket) continue;
    counts.sent += 1;
    const ack = await socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('message:send', { text: `hello? is anyone there? (${counts.sent})` })
      .catch(() => undefined);
    if (!ack) bump(counts.errors, 'timeout');
    else if (ack.ok) counts.accepted += 1;
    else if (ack.error.code.startsWith('rate_limit:')) {
      counts.refused += 1;
      bump(counts.refusedBy, ack.error.code);
      if (ack.error.retryAfterMs !== undefined) flood.retryAfter.push(ack.error.retryAfterMs);
    } else bump(counts.errors, `ack:${ack.error.code}`);
    if (!socket.connected) {
      socket.close();
      socket = undefined;
    }
  }
  socket?.close();
}

async function runFlood(command: Extract<FlooderCommand, { type: 'flood' }>, flood: Flood) {
  const slots = Array.from({ length: command.clients }, (_, i) => command.firstSlot + i);
  const sockets = await Promise.all(slots.map((slot) => connectOne(command.url, slot, flood)));
  send({ type: 'flooding' });
  const start = performance.now();
  await Promise.all(slots.map((slot, i) => floodOne(command.url, slot, flood, sockets[i])));
  const retryAfter = summarise(flood.retryAfter);
  flood.counts.seconds = (performance.now() - start) / 1000;
  flood.counts.retryAfterMs = { n: retryAfter.n, p50: retryAfter.p50, max: retryAfter.max };
  send({ type: 'flooded', counts: flood.counts });
}

let current: Flood | undefined;

process.on('message', (command: FlooderCommand) => {
  if (command.type === 'stop') {
    if (current) current.stopping = true;
    return;
  }
  const counts: FloodCounts = {
    clients: command.clients,
    seconds: 0,
    sent: 0,
    accepted: 0,
    refused: 0,
    refusedBy: {},
    errors: {},
    connects: 0,
    retryAfterMs: { n: 0, p50: NaN, max: NaN },
  };
  current = { stopping: false, counts, retryAfter: [] };
  void runFlood(command, current);
});
process.on('disconnect', () => process.exit(0));
send({ type: 'ready' });
