/**
 * Rate limits on `rate-limiter-flexible`, in memory. A limiter spends one point per call under a
 * key; past its budget it throws `rate_limit:<name>` with how long to wait, which handlers pass
 * on to the client as they would any coded error.
 */
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from './errors.js';

export interface RateLimit {
  /** Calls allowed per window. */
  points: number;
  windowSeconds: number;
}

export interface Limiter {
  /** Spends a point for `key`; throws `AppError('rate_limit:<name>')` when the budget is spent. */
  consume(key: string): Promise<void>;
  /** Gives the point back (e.g. a sign-in that succeeded should not count against the address). */
  reward(key: string): Promise<void>;
}

export function createLimiter(name: string, limit: RateLimit, message?: string): Limiter {
  const limiter = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds, keyPrefix: name });
  return {
    async consume(key) {
      try {
        await limiter.consume(key);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const retryAfterMs = Math.max(1000, rejection.msBeforeNext);
        throw new AppError(`rate_limit:${name}`, message, { retryAfterMs });
      }
    },
    async reward(key) {
      await limiter.reward(key);
    },
  };
}
