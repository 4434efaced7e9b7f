/**
 * Time helpers every adapter needs: a deadline on a promise, a pause that an abort cuts short,
 * and exponential back-off with jitter. Timers are always cleared, so nothing keeps a settled
 * call (or the process) alive.
 */

/**
 * Settles like `work`, or rejects with `onTimeout()` after `ms`. The work itself is not stopped:
 * a caller that can cancel passes its own signal to it.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`, or at once when `signal` aborts; never rejects; never holds the process. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    timer.unref();
    signal?.addEventListener('abort', done, { once: true });
  });
}

export interface Backoff {
  baseMs: number;
  maxMs: number;
  /** 0..1: the share of each delay that is random, so many retries do not fire together. */
  jitter: number;
}

/** The delay before retry number `attempt` (1 for the first retry): doubling, capped, jittered. */
export function backoffDelay(attempt: number, backoff: Backoff, random: () => number = Math.random): number {
  const exp = Math.min(backoff.maxMs, backoff.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (1 - backoff.jitter + backoff.jitter * random()));
}
