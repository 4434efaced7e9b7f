/**
 * A worker's side of the agent pool: the main thread's ports as proxies for the agent built here,
 * and the loop that answers the pool's requests with that agent. An `AbortSignal` cannot cross
 * threads, so a call's signal stays here and its abort is sent as a message.
 */
import type { MessagePort } from 'node:worker_threads';
import type { TicketRef } from '../../contract/index.js';
import { redact, type Logger, type LogLevel } from '../../shared/logger.js';
import type { JiraTickets } from '../../tickets/ports.js';
import type { AgentReply, SupportAgent } from '../../chat/ports.js';
import type { TranscriptEntry, TranscriptSource } from '../ports.js';
import { fromWire, toWire, type FromWorker, type LoggedLevel, type PortName, type ToWorker } from './protocol.js';

/** The worker's `parentPort` (or one end of a test's `MessageChannel`). */
export type PoolPort = MessagePort;

export interface RemotePorts {
  tickets: JiraTickets;
  transcripts: TranscriptSource;
  /** Hands a `portResult` to the call waiting for it. */
  settle(message: Extract<ToWorker, { kind: 'portResult' }>): void;
}

interface WaitingCall {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  detach(): void;
}

function hasSignal(arg: unknown): arg is { signal: AbortSignal } {
  return typeof arg === 'object' && arg !== null && 'signal' in arg && arg.signal instanceof AbortSignal;
}

export function remotePorts(port: PoolPort): RemotePorts {
  let lastId = 0;
  const waiting = new Map<number, WaitingCall>();
  const send = (message: FromWorker) => port.postMessage(message);

  function call<T>(name: PortName, method: string, args: unknown[]): Promise<T> {
    const id = ++lastId;
    const signalAt = args.findIndex(hasSignal);
    const signal = signalAt >= 0 ? (args[signalAt] as { signal: AbortSignal }).signal : undefined;
    const wireArgs = args.map((arg, i) => (i === signalAt ? { ...(arg as object), signal: undefined } : arg));
    return new Promise<T>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => send({ kind: 'portAbort', id });
      signal?.addEventListener('abort', onAbort, { once: true });
      const detach = () => signal?.removeEventListener('abort', onAbort);
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject, detach });
      send({ kind: 'port', id, port: name, method, args: wireArgs, ...(signal ? { signalAt } : {}) });
    });
  }

  const tickets: JiraTickets = {
    create: (draft, options) => call<TicketRef>('tickets', 'create', [draft, options]),
    findOpen: (reporterKey, category, options) =>
      call<TicketRef[]>('tickets', 'findOpen', [reporterKey, category, options]),
    addComment: (key, markdown, options) => call<void>('tickets', 'addComment', [key, markdown, options]),
    get: (key, options) => call<TicketRef>('tickets', 'get', [key, options]),
    listOpen: (reporterKey, options) => call<TicketRef[]>('tickets', 'listOpen', [reporterKey, options]),
  };
  const transcripts: TranscriptSource = {
    transcript: (conversationId) => call<TranscriptEntry[]>('transcripts', 'transcript', [conversationId]),
  };
  const settle: RemotePorts['settle'] = (message) => {
    const found = waiting.get(message.id);
    if (!found) return;
    waiting.delete(message.id);
    found.detach();
    if (message.ok) found.resolve(message.value);
    else found.reject(fromWire(message.error));
  };
  return { tickets, transcripts, settle };
}

const LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];

/** A logger whose records at `level` and above are written by the main thread's logger. */
export function remoteLogger(port: PoolPort, level: LogLevel, base: Record<string, unknown> = {}): Logger {
  const lowest = LEVELS.indexOf(level);
  const at =
    (logged: LoggedLevel) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      if (LEVELS.indexOf(logged) < lowest) return;
      const record = redact({ ...base, ...fields }) as Record<string, unknown>;
      port.postMessage({ kind: 'log', level: logged, msg, fields: record } satisfies FromWorker);
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    child: (fields) => remoteLogger(port, level, { ...base, ...fields }),
  };
}

/** Answers the pool's requests with `agent` until `close`, then calls `onClosed`. */
export function serveAgent(port: PoolPort, agent: SupportAgent, remote: RemotePorts, onClosed: () => Promise<void>) {
  const turns = new Map<number, AbortController>();
  const send = (message: FromWorker) => port.postMessage(message);
  const answer = (id: number, work: Promise<AgentReply | { text: string }>) =>
    work.then(
      (value) => send({ kind: 'done', id, value }),
      (error: unknown) => send({ kind: 'failed', id, error: toWire(error) }),
    );

  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'portResult':
        return remote.settle(message);
      case 'abort':
        return turns.get(message.id)?.abort();
      case 'reply': {
        const controller = new AbortController();
        turns.set(message.id, controller);
        const onToken = (delta: string) => send({ kind: 'token', id: message.id, delta });
        const work = agent.reply(message.turn, { signal: controller.signal, onToken });
        return void answer(message.id, work).finally(() => turns.delete(message.id));
      }
      case 'ticketCreated':
        return void answer(
          message.id,
          agent.ticketCreated(message.conversationId, message.ticket, message.escalationId),
        );
      case 'close':
        return void agent
          .close()
          .then(onClosed)
          .finally(() => send({ kind: 'closed' }));
    }
  });
}
