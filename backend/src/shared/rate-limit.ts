/**
 * Rate limits on `rate-limiter-flexible`. A limiter spends one point per call under a key; past its
 * budget it throws `rate_limit:<name>` with how long to wait, which handlers pass on to the client
 * as they would any coded error.
 *
 * Counters live in this process (the embedded default) or, given a Redis client by the composition
 * root, in Redis, so that every replica spends from one budget. A Redis limiter carries an
 * in-memory limiter with the same budget as insurance: while Redis cannot be reached, each replica
 * limits on its own instead of failing every call or letting everything through.
 */
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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

/** Builds the limiter called `name`; the name is the code's surface and part of the counter's key. */
export type CreateLimiter = (name: string, limit: RateLimit, message?: string) => Limiter;

export interface SharedRateLimitStore {
  /**
   * An ioredis client whose commands fail fast while Redis is away (no offline queue, a command
   * timeout), so that the insurance limiter answers at once. Built by socket/redis-connection.ts.
   */
  redis: object;
  /** Put before each limiter's name in its Redis keys, e.g. `helpdesk:rate` → `helpdesk:rate:user:<key>`. */
  keyPrefix: string;
}

/** Limiters in memory, or in Redis with memory as insurance when `shared` is given. */
export function createLimiterFactory(shared?: SharedRateLimitStore): CreateLimiter {
  return (name, limit, message) => {
    const memory = new RateLimiterMemory({ points: limit.points, duration: limit.windowSeconds, keyPrefix: name });
    if (!shared) return wrap(name, memory, message);
    const redis = new RateLimiterRedis({
      storeClient: shared.redis,
      points: limit.points,
      duration: limit.windowSeconds,
      keyPrefix: `${shared.keyPrefix}:${name}`,
      insuranceLimiter: memory,
      // Not connected (start-up, an outage): straight to the insurance limiter, no waiting.
      rejectIfRedisNotReady: true,
    });
    return wrap(name, redis, message);
  };
}

/** In-memory limiters: what a single process (and every test that does not share Redis) uses. */
export const createLimiter: CreateLimiter = createLimiterFactory();

function wrap(name: string, limiter: RateLimiterAbstract, message: string | undefined): Limiter {
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
