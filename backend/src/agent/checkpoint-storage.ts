/**
 * Where the graph's checkpoints live: a SQLite file (the embedded default) or Postgres
 * (`DATABASE_URL`, shared by every replica). Each storage comes with its saver, its pruner, its
 * start-up schema work and its close; the composition root picks one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BaseCheckpointSaver } from '@langchain/langgraph';
import { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import {
  createPostgresCheckpointPruner,
  createSqliteCheckpointPruner,
  type CheckpointPool,
} from './checkpoint-pruning.js';

export type { CheckpointPool } from './checkpoint-pruning.js';

export interface CheckpointStorage {
  saver: BaseCheckpointSaver;
  /** Drops a thread's old checkpoints; called after every turn. */
  prune(threadId: string): Promise<void>;
  /**
   * Creates or migrates the saver's tables. Postgres: once at start-up, under the schema lock
   * (two processes running it at once race). SQLite: nothing (the saver does it on first use).
   */
  setup(): Promise<void>;
  close(): Promise<void>;
}

export function sqliteCheckpoints(file: string): CheckpointStorage {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const saver = SqliteSaver.fromConnString(file);
  return {
    saver,
    prune: createSqliteCheckpointPruner(saver),
    setup: async () => undefined,
    close: async () => void saver.db.close(),
  };
}

/** On the Postgres store's pool, which its owner closes: closing the checkpoints leaves it open. */
export function postgresCheckpoints(pool: CheckpointPool): CheckpointStorage {
  const saver = new PostgresSaver(pool);
  return {
    saver,
    prune: createPostgresCheckpointPruner(pool),
    setup: () => saver.setup(),
    close: async () => undefined,
  };
}
