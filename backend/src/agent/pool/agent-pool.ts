/**
 * The SupportAgent port on worker threads (AGENT_WORKERS): each worker builds its own agent — its
 * own graph, checkpoint connection and knowledge base — so turns run beside the main thread, which
 * keeps the sockets, the stores and the MCP client. A worker's agent reaches the tickets and the
 * transcripts through the pool (protocol.ts). A turn goes to the least busy worker: the chat already
 * serialises a conversation's turns, and the checkpoints are shared storage, so any worker can run
 * any turn. A worker that dies fails its turns with `internal:agent` (the chat answers those as it
 * answers any failed turn) and is replaced; the process carries on.
 */
import type { Worker } from 'node:worker_threads';
import { AppError } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import type { JiraTickets } from '../../tickets/ports.js';
import type { AgentReply, ReplyOptions, SupportAgent } from '../../chat/ports.js';
import type { TranscriptSource } from '../ports.js';
import { fromWire, toWire, type FromWorker, type ToWorker } from './protocol.js';

export interface AgentPoolOptions {
  size: number;
  /** Starts one worker running agent-worker.ts with this deployment's settings. */
  spawn(): Worker;
  /** What the workers' agents call on this thread. */
  ports: { tickets: JiraTickets; transcripts: TranscriptSource };
  logger: Logger;
  /** How long a worker that died young waits before it is started again (default 1 s). */
  restartDelayMs?: number;
}

interface Request {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onToken?: (delta: string) => void;
  detach(): void;
}

interface Slot {
  worker: Worker;
  requests: Map<number, Request>;
  /** The worker's calls into `ports` that may still be aborted. */
  calls: Map<number, AbortController>;
  ready: Promise<void>;
  exited: Promise<void>;
  /** Set when the worker exits; a replacement takes its place in `slots`. */
  isDead: boolean;
  startedAt: number;
}

type PortCall = Extract<FromWorker, { kind: 'port' }>;

export async function createAgentPool(options: AgentPoolOptions): Promise<SupportAgent> {
  const { logger } = options;
  const slots: Slot[] = [];
  let lastId = 0;
  let closing = false;

  async function serve(slot: Slot, call: PortCall): Promise<void> {
    const controller = call.signalAt === undefined ? undefined : new AbortController();
    if (controller) slot.calls.set(call.id, controller);
    const args = call.args.map((arg, i) =>
      i === call.signalAt ? { ...(arg as object), signal: controller?.signal } : arg,
    );
    let result: ToWorker;
    try {
      const target = options.ports[call.port] as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>;
      const method = target[call.method];
      if (typeof method !== 'function') throw new Error(`the pool has no ${call.port}.${call.method}`);
      result = { kind: 'portResult', id: call.id, ok: true, value: await method.apply(target, args) };
    } catch (error) {
      result = { kind: 'portResult', id: call.id, ok: false, error: toWire(error) };
    }
    slot.calls.delete(call.id);
    slot.worker.postMessage(result);
  }

  function onMessage(slot: Slot, message: FromWorker, markReady: () => void): void {
    if (message.kind === 'ready') return markReady();
    if (message.kind === 'port') return void serve(slot, message);
    if (message.kind === 'portAbort') return slot.calls.get(message.id)?.abort();
    if (message.kind === 'closed') return;
    if (message.kind === 'log') return logger[message.level](message.msg, message.fields);
    const request = slot.requests.get(message.id);
    if (!request) return;
    if (message.kind === 'token') return request.onToken?.(message.delta);
    slot.requests.delete(message.id);
    request.detach();
    if (message.kind === 'done') request.resolve(message.value);
    else request.reject(fromWire(message.error));
  }

  function start(index: number): Slot {
    const worker = options.spawn();
    let markReady = () => {};
    let failStart: (error: Error) => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failStart = reject;
    });
    const exited = new Promise<void>((resolve) =>
      worker.once('exit', (code) => {
        failStart(new Error(`the agent worker exited with ${code} before it was ready`));
        stopped(index, slot, code);
        resolve();
      }),
    );
    const slot: Slot = {
      worker,
      requests: new Map(),
      calls: new Map(),
      ready,
      exited,
      isDead: false,
      startedAt: Date.now(),
    };
    worker.on('message', (message: FromWorker) => onMessage(slot, message, markReady));
    worker.on('error', (error) => logger.error('agent worker failed', { error }));
    slots[index] = slot;
    return slot;
  }

  function stopped(index: number, slot: Slot, code: number): void {
    slot.isDead = true;
    const inFlight = slot.requests.size;
    for (const controller of slot.calls.values()) controller.abort();
    for (const request of slot.requests.values()) {
      request.detach();
      request.reject(new AppError('internal:agent', undefined, { cause: new Error(`agent worker exited (${code})`) }));
    }
    slot.requests.clear();
    if (closing) return;
    logger.error('agent worker stopped; starting another', { code, inFlight });
    const young = Date.now() - slot.startedAt < 5000;
    const restart = () => {
      if (!closing) start(index).ready.catch(() => undefined);
    };
    if (young) setTimeout(restart, options.restartDelayMs ?? 1000).unref();
    else restart();
  }

  function request(make: (id: number) => ToWorker, replyOptions: ReplyOptions = {}): Promise<unknown> {
    const live = slots.filter((s) => !s.isDead);
    if (live.length === 0) return Promise.reject(new AppError('unavailable:agent'));
    const slot = live.reduce((best, s) => (s.requests.size < best.requests.size ? s : best));
    const id = ++lastId;
    const { signal, onToken } = replyOptions;
    return new Promise((resolve, reject) => {
      const onAbort = () => slot.worker.postMessage({ kind: 'abort', id } satisfies ToWorker);
      signal?.addEventListener('abort', onAbort, { once: true });
      const detach = () => signal?.removeEventListener('abort', onAbort);
      slot.requests.set(id, { resolve, reject, detach, ...(onToken ? { onToken } : {}) });
      slot.worker.postMessage(make(id));
      if (signal?.aborted) onAbort();
    });
  }

  await Promise.all(Array.from({ length: options.size }, (_, i) => start(i).ready));
  return {
    reply: (turn, replyOptions) => request((id) => ({ kind: 'reply', id, turn }), replyOptions) as Promise<AgentReply>,
    ticketCreated: (conversationId, ticket, escalationId) =>
      request((id) => ({
        kind: 'ticketCreated',
        id,
        conversationId,
        ticket,
        ...(escalationId !== undefined ? { escalationId } : {}),
      })) as Promise<{ text: string }>,
    async close() {
      closing = true;
      await Promise.all(slots.map(closeWorker));
    },
  };
}

/** Asks a worker to close its agent; one that does not exit within 5 s is terminated. */
async function closeWorker({ worker, exited }: Slot): Promise<void> {
  worker.postMessage({ kind: 'close' } satisfies ToWorker);
  const timer = setTimeout(() => void worker.terminate(), 5000);
  await exited;
  clearTimeout(timer);
}
