/**
 * A conversation's turns serialised across replicas: a Postgres advisory lock per conversation
 * (`pg_advisory_lock(hashtextextended(id, 0))`), held for the turn on a client of its own. The
 * clients come from a pool of their own, so turns waiting for a lock never take the clients the
 * repositories (and the turn holding the lock) need. A replica that dies drops its connections
 * and with them its locks, so the next replica carries on at once.
 */
import type { ConversationLocks } from '../../chat/ports.js';
import type { Logger } from '../../shared/logger.js';
import { openPostgres, type PostgresPool } from './database.js';

/** Locks held or awaited at once per replica (as many as MAX_CONCURRENT_TURNS by default); further turns wait for a client in order. */
const LOCK_CLIENTS = 32;

export interface PostgresConversationLocks extends ConversationLocks {
  close(): Promise<void>;
}

export function createPostgresConversationLocks(url: string, logger: Logger): PostgresConversationLocks {
  // No connect timeout: a turn waiting for a free lock client waits its turn, it does not fail.
  const pool: PostgresPool = openPostgres(url, logger, { max: LOCK_CLIENTS, connectionTimeoutMillis: 0 });
  return {
    async withLock(conversationId, task) {
      const client = await pool.connect();
      // A checked-out client that loses its server reports here, not as an unhandled error.
      const onError = (error: Error) => logger.warn('postgres lock connection lost', { conversationId, error });
      client.on('error', onError);
      let broken: Error | undefined;
      try {
        await client
          .query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [conversationId])
          .catch((error: unknown) => {
            broken = asError(error);
            throw error;
          });
        try {
          return await task();
        } finally {
          await client
            .query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [conversationId])
            .catch((error: unknown) => {
              // A client that may still hold the lock is closed, which releases it.
              broken = asError(error);
            });
        }
      } finally {
        client.off('error', onError);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));
