/**
 * The Postgres connection pool behind every Postgres repository (`DATABASE_URL`). A pool, not one
 * connection: repositories run their statements concurrently, and a transaction holds one client
 * of the pool from BEGIN to COMMIT. An idle client that loses its server (a Postgres restart) is
 * logged and replaced, never an unhandled error that would stop the process.
 */
import pg from 'pg';
import type { Logger } from '../../shared/logger.js';

export type PostgresPool = pg.Pool;
/** A pool (one statement, any client) or a client inside a transaction. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

// COUNT(*) and BIGINT columns come back as strings by default (they may exceed 2^53); every
// BIGINT here is a count, an identity or epoch milliseconds, well inside a JavaScript number.
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8 && format !== 'binary'
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig['getTypeParser'],
};

export function openPostgres(
  url: string,
  logger: Logger,
  options: { max?: number; connectionTimeoutMillis?: number } = {},
): PostgresPool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    // A server that does not answer within this time fails the start-up or the request, loudly.
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 10_000,
    application_name: 'helpdesk-backend',
    types,
  });
  pool.on('error', (error) => logger.warn('postgres connection lost; the pool replaces it', { error }));
  return pool;
}

/** Runs `work` in one transaction on one client; rolls back when it throws. */
export async function inTransaction<T>(pool: PostgresPool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    // A client whose ROLLBACK fails is in an unknown state: the pool drops it instead of reusing it.
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}
