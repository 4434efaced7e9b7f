/**
 * The escalation outbox. A confirmed escalation is stored with its draft before any call; the
 * first attempt runs at once, and when it fails or is slow the caller gets `TICKET_QUEUED` while
 * a worker retries with exponential back-off and jitter — after restarts too, since the rows are
 * stored (SQLite or Postgres). Once a ticket exists, the worker hands it to the chat (the
 * `DeliverTicket` given to `start`, so the outbox can be built before the chat that uses it); a
 * row stays undelivered until that succeeds. One attempt per escalation at a time (the in-flight
 * map); every attempt after the first looks the ticket up by its label before creating, so a
 * lost answer never doubles it.
 */
import type { TicketRef } from '../contract/index.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { backoffDelay, pause, withTimeout } from '../shared/timing.js';
import {
  TICKET_QUEUED,
  TicketGatewayError,
  type CreateOptions,
  type EscalationFailure,
  type EscalationRecord,
  type EscalationStore,
  type TicketDraft,
  type TicketGateway,
} from './ports.js';

export interface OutboxTiming {
  /** First retry delay; doubles per attempt up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How often the worker looks for due rows. */
  pollMs: number;
  /** How long the employee waits on the first attempt before hearing "queued". */
  firstAttemptMs: number;
}

const DEFAULT_OUTBOX_TIMING: OutboxTiming = {
  baseDelayMs: 5_000,
  maxDelayMs: 300_000,
  pollMs: 2_000,
  firstAttemptMs: 20_000,
};

export interface EscalationOutboxDeps {
  escalations: EscalationStore;
  /** Makes one attempt per call; the outbox records attempts and outcomes. */
  gateway: TicketGateway;
  logger: Logger;
  timing?: Partial<OutboxTiming>;
  now?: () => number;
  random?: () => number;
}

/** Tells the chat about a ticket the worker created; a throw leaves it undelivered for the next pass. */
export type DeliverTicket = (conversationId: string, ticket: TicketRef, escalationId: string) => Promise<void>;

export interface EscalationOutbox {
  /** Stores, then tries once; throws `AppError(TICKET_QUEUED)` when the ticket is left to the worker. */
  submit(draft: TicketDraft, options: CreateOptions): Promise<TicketRef>;
  /** Starts the worker; what it creates goes to `deliverTicket`. */
  start(deliverTicket: DeliverTicket): void;
  stop(): Promise<void>;
  /** One worker pass now (tests). */
  runOnce(deliverTicket: DeliverTicket): Promise<void>;
  status(): Promise<{ pending: number; configError: { escalationId: string; cause: string } | undefined }>;
  /** Seconds the oldest queued escalation has waited (0 when none waits): outbox age for /metrics. */
  oldestAgeSeconds(): Promise<number>;
}

/**
 * Every failure queues and retries; configuration failures (refused credentials, a request the
 * ticket system rejects) are also reported in /readyz, since retrying alone will not fix them.
 */
export function classifyFailure(error: unknown): EscalationFailure {
  if (!(error instanceof TicketGatewayError)) return { kind: 'transient', cause: describe(error) };
  switch (error.code) {
    case 'auth':
    case 'rejected':
      return { kind: 'config', cause: error.message };
    case 'transient':
    case 'unknown-outcome':
      return { kind: 'transient', cause: error.message };
  }
}

function describe(error: unknown): string {
  if (error instanceof AppError) {
    const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.code}${inner}`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function createEscalationOutbox(deps: EscalationOutboxDeps): EscalationOutbox {
  const { escalations, logger } = deps;
  const timing = { ...DEFAULT_OUTBOX_TIMING, ...deps.timing };
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  // Half of each delay is random, so escalations that failed together do not retry together.
  const backoff = { baseMs: timing.baseDelayMs, maxMs: timing.maxDelayMs, jitter: 0.5 };
  const inFlight = new Map<string, Promise<TicketRef>>();
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let isStopped = true;
  let isClosing = false;

  /** One attempt, recorded before it starts; a failure schedules the next try. */
  const attempt = async (record: EscalationRecord, draft: TicketDraft, signal?: AbortSignal): Promise<TicketRef> => {
    const { escalationId, conversationId } = record;
    const attempts = await escalations.beginAttempt(escalationId);
    // Only the first attempt knows no ticket exists; a later one may follow a lost answer.
    const lookUpFirst = attempts > 1;
    let ticket: TicketRef;
    try {
      ticket = await deps.gateway.attempt(draft, {
        escalationId,
        conversationId,
        lookUpFirst,
        ...(signal ? { signal } : {}),
      });
    } catch (error) {
      const failure = classifyFailure(error);
      const delay = backoffDelay(attempts, backoff, random);
      await escalations.scheduleRetry(escalationId, now() + delay, failure);
      const log = failure.kind === 'config' ? logger.error : logger.warn;
      log.call(logger, 'ticket creation failed; queued for retry', {
        escalationId,
        attempts,
        retryInMs: delay,
        kind: failure.kind,
        cause: failure.cause,
      });
      throw error;
    }
    // Not yet delivered: marked once the chat has it.
    await escalations.complete(escalationId, ticket);
    return ticket;
  };

  /** Runs one attempt unless one is running (registered before the first await, so never two). */
  const attemptOnce = (record: EscalationRecord, draft: TicketDraft, signal?: AbortSignal): Promise<TicketRef> => {
    const running = inFlight.get(record.escalationId);
    if (running) return running;
    const { escalationId } = record;
    const flight = attempt(record, draft, signal);
    inFlight.set(escalationId, flight);
    void flight.then(
      () => inFlight.delete(escalationId),
      () => inFlight.delete(escalationId),
    );
    return flight;
  };

  const deliver = async (record: EscalationRecord, deliverTicket: DeliverTicket): Promise<void> => {
    const fresh = await escalations.get(record.escalationId);
    if (!fresh?.ticket || fresh.delivered || inFlight.has(record.escalationId)) return;
    try {
      await deliverTicket(fresh.conversationId, fresh.ticket, fresh.escalationId);
      await escalations.markDelivered(fresh.escalationId);
      logger.info('queued ticket delivered to the chat', { escalationId: fresh.escalationId, key: fresh.ticket.key });
    } catch (error) {
      logger.error('could not deliver a ticket to the chat', { escalationId: fresh.escalationId, error });
    }
  };

  const runPass = async (deliverTicket: DeliverTicket): Promise<void> => {
    for (const record of await escalations.undelivered()) await deliver(record, deliverTicket);
    for (const record of await escalations.due(now(), 20)) {
      if (isClosing) return;
      if (!record.draft || inFlight.has(record.escalationId)) continue;
      try {
        await attemptOnce(record, record.draft);
      } catch {
        continue; // scheduled again by attemptOnce
      }
      await deliver(record, deliverTicket);
    }
  };

  const runOnce = (deliverTicket: DeliverTicket): Promise<void> => {
    pass ??= runPass(deliverTicket).finally(() => {
      pass = undefined;
    });
    return pass;
  };

  const schedule = (deliverTicket: DeliverTicket) => {
    if (isStopped) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runOnce(deliverTicket)
        .catch((error: unknown) => logger.error('outbox pass failed', { error }))
        .finally(() => schedule(deliverTicket));
    }, timing.pollMs);
    timer.unref();
  };

  return {
    async submit(draft, options) {
      const record = await escalations.enqueue({
        escalationId: options.escalationId,
        conversationId: options.conversationId,
        draft,
        // The worker leaves the first attempt to the caller.
        notBefore: now() + timing.firstAttemptMs + timing.baseDelayMs,
      });
      if (record.status === 'created' && record.ticket) {
        await escalations.markDelivered(record.escalationId);
        return record.ticket;
      }
      const flight = attemptOnce(record, record.draft ?? draft, options.signal);
      try {
        const ticket = await withTimeout(
          flight,
          timing.firstAttemptMs,
          () => new AppError('timeout:ticket_first_attempt'),
        );
        await escalations.markDelivered(record.escalationId);
        return ticket;
      } catch (error) {
        // Whatever went wrong, the escalation is stored: the worker finishes it and tells the chat.
        throw new AppError(TICKET_QUEUED, undefined, { cause: error });
      }
    },

    start(deliverTicket) {
      if (!isStopped) return;
      isStopped = false;
      void escalations.pendingCount().then(
        (pending) => pending > 0 && logger.info('resuming queued escalations', { pending }),
        (error: unknown) => logger.error('could not count queued escalations', { error }),
      );
      schedule(deliverTicket);
    },

    async stop() {
      isStopped = true;
      isClosing = true;
      clearTimeout(timer);
      timer = undefined;
      // An attempt still running keeps its row pending; the next start looks it up by label.
      const settle = Promise.allSettled([pass, ...inFlight.values()]);
      await Promise.race([settle, pause(2000)]);
    },

    runOnce,

    status: async () => ({
      pending: await escalations.pendingCount(),
      configError: await escalations.latestConfigError(),
    }),

    oldestAgeSeconds: async () => {
      const at = await escalations.oldestPendingAt();
      return at === undefined ? 0 : Math.max(0, (now() - at) / 1000);
    },
  };
}
