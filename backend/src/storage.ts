/**
 * Where the service keeps its state, decided once at start-up. With `DATABASE_URL` everything is
 * in Postgres — conversations, messages, sessions, pending turns, the LangGraph checkpoints, the
 * escalation outbox, webhook dedupe, the key → conversation map, the local desk and its token —
 * so a replica needs nothing from its DATA_DIR; the schema is migrated first, under a lock.
 * Without it, SQLite files in DATA_DIR, exactly as the embedded default always ran.
 */
import path from 'node:path';
import { postgresCheckpoints, sqliteCheckpoints, type CheckpointStorage } from './agent/checkpoint-storage.js';
import type { Config } from './config.js';
import { resolveDeskToken, resolveSharedDeskToken } from './desk/desk-token.js';
import type { Logger } from './shared/logger.js';
import { openPostgresStores } from './store/postgres/postgres-stores.js';
import { openSqliteStores, type Stores } from './store/stores.js';

export interface Storage {
  stores: Stores;
  checkpoints: CheckpointStorage;
  /** The local desk's token: configured, or kept in DATA_DIR (SQLite) or the database (Postgres). */
  deskToken(print?: (line: string) => void): Promise<string>;
}

export async function openStorage(config: Config, logger: Logger): Promise<Storage> {
  const configured = config.desk.token;
  const url = config.database.url;
  if (url === undefined) {
    return {
      stores: openSqliteStores(path.join(config.dataDir, 'helpdesk.sqlite')),
      checkpoints: sqliteCheckpoints(path.join(config.dataDir, 'checkpoints.sqlite')),
      deskToken: async (print) =>
        resolveDeskToken({ configured, dataDir: config.dataDir, ...(print ? { print } : {}) }),
    };
  }
  const stores = openPostgresStores(url, logger.child({ component: 'postgres' }));
  const checkpoints = postgresCheckpoints(stores.pool);
  try {
    const applied = await stores.migrate(() => checkpoints.setup());
    logger.info('postgres schema ready', { migrationsApplied: applied });
  } catch (error) {
    await stores.close();
    throw error;
  }
  return {
    stores,
    checkpoints,
    deskToken: (print) =>
      resolveSharedDeskToken({ configured, settings: stores.settings, ...(print ? { print } : {}) }),
  };
}
