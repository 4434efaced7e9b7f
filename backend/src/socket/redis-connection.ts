/**
 * The replicas' shared Redis (REDIS_URL): the socket.io adapter that carries a room's events to
 * every replica, and the client the rate limits keep their counters with. Only this folder
 * imports ioredis; the composition root hands `commands` to the rate limits.
 *
 * Promises: Redis going away never throws into a caller and never stops the process. Commands fail
 * fast (no offline queue, a command timeout), so the rate limits fall back to memory at once; a
 * room's events still reach this replica's own sockets, only the copies for other replicas are
 * lost (counted, logged once per outage); the subscription waits and is renewed when Redis is back.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Metrics } from '../shared/metrics.js';

export interface RedisConnection {
  /** For the rate limits (rate-limiter-flexible's RateLimiterRedis takes an ioredis client). */
  readonly commands: Redis;
  /** The socket.io adapter (pub/sub): `io.to(room).emit` reaches that room on every replica. */
  readonly adapter: ReturnType<typeof createAdapter>;
  /** For /readyz: throws `unavailable:redis` unless Redis answers and the subscription is up. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface RedisConnectionDeps {
  url: string;
  logger: Logger;
  metrics: Metrics;
  /** How long one command may take before it counts as failed (the limits then use memory). */
  commandTimeoutMs?: number;
}

/** Prefix of the adapter's pub/sub channels, so that the helpdesk can share a Redis with others. */
const CHANNEL_PREFIX = 'helpdesk:socket.io';

export function createRedisConnection(deps: RedisConnectionDeps): RedisConnection {
  const { url, logger } = deps;
  // No CLIENT SETINFO (Redis 7.2+): on Redis 7.0 it fails, and a failure that lands after the
  // adapter's SUBSCRIBE drops the subscriber's first connection and its subscriptions with it.
  const common = { disableClientInfo: true };
  const commands = new Redis(url, {
    ...common,
    connectionName: 'helpdesk',
    enableOfflineQueue: false,
    commandTimeout: deps.commandTimeoutMs ?? 1000,
    maxRetriesPerRequest: 1,
  });
  // The adapter subscribes as soon as it is built, maybe before Redis answers: the subscriber
  // queues those commands and never gives them up, and renews them after every reconnect.
  const subscriber = new Redis(url, { ...common, connectionName: 'helpdesk-subscriber', maxRetriesPerRequest: null });
  const lostBroadcasts = deps.metrics.counter(
    'helpdesk_redis_publish_failures_total',
    'Socket.io broadcasts that reached only this replica because Redis could not take them.',
  );
  deps.metrics.gauge('helpdesk_redis_up', 'Whether both Redis connections are ready (1) or not (0).', {
    collect: () => (commands.status === 'ready' && subscriber.status === 'ready' ? 1 : 0),
  });
  let isClosing = false;
  const watch = watchConnection(commands, logger, {
    lost: 'redis connection lost: rate limits count in this replica’s memory until it is back',
    isClosing: () => isClosing,
  });
  watchConnection(subscriber, logger.child({ connection: 'subscriber' }), {
    lost: 'redis subscription lost: events other replicas publish do not reach this one until it is back',
    isClosing: () => isClosing,
  });
  const onLostBroadcast = (error: unknown) => {
    lostBroadcasts.inc();
    watch.reportOnce('redis could not take a broadcast: other replicas miss it until Redis is back', error);
  };
  const adapter = createAdapter(
    withHandledRejections(commands, onLostBroadcast),
    withHandledRejections(subscriber, (error) => logger.debug('redis subscription command failed', { error })),
    { key: CHANNEL_PREFIX },
  );
  return {
    commands,
    adapter,
    async ping() {
      if (subscriber.status !== 'ready')
        throw new AppError('unavailable:redis', undefined, {
          cause: new Error(`subscription connection is ${subscriber.status}`),
        });
      try {
        await commands.ping();
      } catch (error) {
        throw new AppError('unavailable:redis', undefined, { cause: error });
      }
    },
    async close() {
      isClosing = true;
      await Promise.all([quit(commands), quit(subscriber)]);
    },
  };
}

/**
 * Logs when a connection is lost and when it is back, not every failed reconnect (ioredis emits
 * `error` on each one, and must have a listener or it prints them itself).
 */
function watchConnection(client: Redis, logger: Logger, options: { lost: string; isClosing: () => boolean }) {
  let isUp = false;
  let hasReported = false;
  client.on('error', (error: unknown) => logger.debug('redis error', { error }));
  client.on('ready', () => {
    if (hasReported) logger.info('redis connection restored');
    isUp = true;
    hasReported = false;
  });
  client.on('close', () => {
    if (!isUp || options.isClosing()) return;
    isUp = false;
    hasReported = true;
    logger.warn(options.lost);
  });
  return {
    reportOnce(message: string, error: unknown) {
      if (hasReported) return;
      hasReported = true;
      logger.warn(message, { error });
    },
  };
}

/**
 * The adapter calls the clients without waiting for the answer (`publish`, `psubscribe`, …), so a
 * failed command would be an unhandled rejection. This view of the client hands every promise it
 * returns to `onFailure` as well; callers that wait still see the rejection.
 */
function withHandledRejections(client: Redis, onFailure: (error: unknown) => void): Redis {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = Reflect.apply(value, target, args);
        if (result instanceof Promise) result.catch(onFailure);
        return result;
      };
    },
  });
}

/** QUIT when connected (pending replies arrive first); otherwise just stop reconnecting. */
async function quit(client: Redis): Promise<void> {
  if (client.status === 'ready') {
    try {
      await client.quit();
      return;
    } catch {
      // Lost while quitting: disconnect below.
    }
  }
  client.disconnect();
}
