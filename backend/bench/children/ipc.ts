/**
 * The child side of the bench's IPC channel: a server under load reports its own CPU time and
 * memory (so the figures are the process's own, not the load generator's) and says when it is
 * ready. The parent side is `../server-process.ts`.
 */
export interface ReadyMessage {
  type: 'ready';
  url: string;
  deskToken: string | undefined;
}

export interface StatsMessage {
  type: 'stats';
  id: number;
  cpuMicros: number;
  rss: number;
  heapUsed: number;
}

export type ChildMessage = ReadyMessage | StatsMessage;
export type ParentMessage = { type: 'stats'; id: number; gc?: boolean } | { type: 'stop' };

function send(message: ChildMessage): void {
  process.send?.(message);
}

/** Answers stats requests (optionally after a full GC) and stops on request or when the parent goes. */
export function serveBenchChannel(ready: Omit<ReadyMessage, 'type'>, stop: () => Promise<void>): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'stop') {
      void stop().finally(() => process.exit(0));
      return;
    }
    if (message.gc && gc) {
      gc();
      gc();
    }
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    send({
      type: 'stats',
      id: message.id,
      cpuMicros: cpu.user + cpu.system,
      rss: memory.rss,
      heapUsed: memory.heapUsed,
    });
  });
  process.on('disconnect', () => process.exit(0));
  send({ type: 'ready', ...ready });
}

/** The flooder's counts over one flood (`./flooder.ts`), sent back when the parent stops it. */
export interface FloodCounts {
  clients: number;
  /** From the first send to the last ack. */
  seconds: number;
  sent: number;
  accepted: number;
  /** Acks with a `rate_limit:*` code. */
  refused: number;
  refusedBy: Record<string, number>;
  /** Other acks ('ack:<code>'), ack time-outs ('timeout'), failed connects ('connect:…'). */
  errors: Record<string, number>;
  /** Connections made, reconnects after a drop included. */
  connects: number;
  /** `retryAfterMs` of the refusals: p50 and max (n counts the refusals that carried one). */
  retryAfterMs: { n: number; p50: number; max: number };
}

export type FlooderCommand = { type: 'flood'; url: string; clients: number; firstSlot: number } | { type: 'stop' };
export type FlooderReport = { type: 'ready' } | { type: 'flooding' } | { type: 'flooded'; counts: FloodCounts };
