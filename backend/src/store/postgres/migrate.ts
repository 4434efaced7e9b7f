/**
 * Start-up schema work for Postgres, done by one process at a time: every replica calls
 * `migrate` as it starts, the first takes a session-level advisory lock, applies the migrations
 * the database has not recorded (each in its own transaction, recorded in `schema_migrations`)
 * and runs `alsoUnderLock` (the LangGraph checkpointer's `setup()`, which races when two processes
 * run it at once); the others wait for the lock, then find nothing left to do.
 */
import type { Logger } from '../../shared/logger.js';
import { inTransaction, type PostgresPool } from './database.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** One lock key for all schema work of this product, derived from a name for readability. */
const LOCK_KEY_SQL = "hashtext('helpdesk:schema')";

export interface MigrateOptions {
  logger: Logger;
  /** Other start-up schema work to do under the same lock, after the migrations. */
  alsoUnderLock?: () => Promise<void>;
  /** Tests hand in their own list; the product runs MIGRATIONS. */
  migrations?: readonly Migration[];
}

export class SchemaTooNewError extends Error {
  constructor(databaseVersion: number, knownVersion: number) {
    super(
      `the database schema is at migration ${databaseVersion}, newer than this release knows (${knownVersion}): ` +
        'run the release that migrated it, or a newer one',
    );
    this.name = 'SchemaTooNewError';
  }
}

/** Applies what is missing; returns the versions applied now (empty when the schema was current). */
export async function migrate(pool: PostgresPool, options: MigrateOptions): Promise<number[]> {
  const migrations = [...(options.migrations ?? MIGRATIONS)].sort((a, b) => a.version - b.version);
  const lock = await pool.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(${LOCK_KEY_SQL})`);
    try {
      const applied = await pendingWork(pool, migrations, options.logger);
      await options.alsoUnderLock?.();
      return applied;
    } finally {
      await lock.query(`SELECT pg_advisory_unlock(${LOCK_KEY_SQL})`);
    }
  } finally {
    lock.release();
  }
}

async function pendingWork(pool: PostgresPool, migrations: Migration[], logger: Logger): Promise<number[]> {
  await pool.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
  )`);
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations');
  const done = new Set(rows.map((row) => row.version));
  const newest = Math.max(0, ...done);
  const known = migrations.at(-1)?.version ?? 0;
  if (newest > known) throw new SchemaTooNewError(newest, known);
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await inTransaction(pool, async (client) => {
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
    logger.info('database migration applied', { version: migration.version, name: migration.name });
    applied.push(migration.version);
  }
  return applied;
}
