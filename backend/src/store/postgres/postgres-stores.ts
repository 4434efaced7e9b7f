/**
 * Every repository on one Postgres pool (`DATABASE_URL`), plus what only a shared database
 * needs: the schema migrations, run once at start-up under a lock, and the shared settings.
 */
import type { SharedSettings } from '../../desk/ports.js';
import type { Logger } from '../../shared/logger.js';
import type { Stores } from '../stores.js';
import { createPostgresConversationLocks } from './conversation-locks.js';
import { createPostgresConversationRepository } from './conversation-repository.js';
import { openPostgres, type PostgresPool } from './database.js';
import { createPostgresDeskRepository } from './desk-repository.js';
import { createPostgresEscalationRepository } from './escalation-repository.js';
import { createPostgresJiraWebhookRepository } from './jira-webhook-repository.js';
import { migrate } from './migrate.js';
import { createPostgresSettings } from './settings.js';
import { createPostgresTurnJournal } from './turn-journal.js';

export interface PostgresStores extends Stores {
  kind: 'postgres';
  pool: PostgresPool;
  settings: SharedSettings;
  /**
   * Applies the migrations this database lacks, then `alsoUnderLock`, holding the schema lock:
   * call it once at start-up, before any repository is used. Returns the versions applied.
   */
  migrate(alsoUnderLock?: () => Promise<void>): Promise<number[]>;
}

export function openPostgresStores(url: string, logger: Logger): PostgresStores {
  const pool = openPostgres(url, logger);
  const locks = createPostgresConversationLocks(url, logger);
  return {
    kind: 'postgres',
    pool,
    conversations: createPostgresConversationRepository(pool),
    turns: createPostgresTurnJournal(pool),
    escalations: createPostgresEscalationRepository(pool),
    webhookDeliveries: createPostgresJiraWebhookRepository(pool),
    desk: createPostgresDeskRepository(pool),
    settings: createPostgresSettings(pool),
    locks,
    migrate: (alsoUnderLock) => migrate(pool, { logger, ...(alsoUnderLock ? { alsoUnderLock } : {}) }),
    close: async () => {
      await locks.close();
      await pool.end();
    },
  };
}
