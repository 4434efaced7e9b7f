/**
 * Old checkpoints of a thread are pruned after every turn. Each checkpoint holds the whole graph
 * state, so keeping them all made storage grow with the square of a conversation's length; the
 * agent only ever reads the latest (and a turn run again after a crash continues from it). The
 * newest `KEEP` stay, for inspection. One pruner per saver, since each keeps its own tables.
 */
import type { PostgresSaver } from '@langchain/langgraph-checkpoint-postgres';
import type { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import type { Statement } from 'better-sqlite3';

const KEEP = 2;

/** SqliteSaver's `checkpoints` and `writes` tables, in one transaction. */
export function createSqliteCheckpointPruner(checkpointer: SqliteSaver): (threadId: string) => Promise<void> {
  const { db } = checkpointer;
  // Prepared on first use: the saver creates its tables with its first checkpoint.
  let statements:
    | { oldest: Statement<[string]>; writes: Statement<[string, string]>; checkpoints: Statement<[string, string]> }
    | undefined;
  const prepare = () =>
    (statements ??= {
      // The newest checkpoint that is to go; checkpoint ids sort by time.
      oldest: db.prepare<[string]>(
        `SELECT checkpoint_id FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = ''
         ORDER BY checkpoint_id DESC LIMIT 1 OFFSET ${KEEP}`,
      ),
      writes: db.prepare<[string, string]>(
        `DELETE FROM writes WHERE thread_id = ? AND checkpoint_ns = '' AND checkpoint_id <= ?`,
      ),
      checkpoints: db.prepare<[string, string]>(
        `DELETE FROM checkpoints WHERE thread_id = ? AND checkpoint_ns = '' AND checkpoint_id <= ?`,
      ),
    });
  const prune = db.transaction((threadId: string) => {
    const s = prepare();
    const row = s.oldest.get(threadId) as { checkpoint_id: string } | undefined;
    if (!row) return;
    s.writes.run(threadId, row.checkpoint_id);
    s.checkpoints.run(threadId, row.checkpoint_id);
  });
  return async (threadId) => prune(threadId);
}

/** The pool PostgresSaver is built on (shared with the Postgres store). */
export type CheckpointPool = ConstructorParameters<typeof PostgresSaver>[0];

/**
 * PostgresSaver's tables, in one statement: the old checkpoints and their writes, and the channel
 * blobs no kept checkpoint refers to (a blob is stored once per channel version and shared by the
 * checkpoints that have that version). The statement's parts all see the rows as they were before
 * it, hence the kept checkpoints are named explicitly in the last part.
 */
export function createPostgresCheckpointPruner(pool: CheckpointPool): (threadId: string) => Promise<void> {
  const sql = `
    WITH doomed AS (
      SELECT checkpoint_id FROM checkpoints WHERE thread_id = $1 AND checkpoint_ns = ''
      ORDER BY checkpoint_id DESC OFFSET ${KEEP}
    ), gone_writes AS (
      DELETE FROM checkpoint_writes WHERE thread_id = $1 AND checkpoint_ns = ''
        AND checkpoint_id IN (SELECT checkpoint_id FROM doomed)
    ), gone AS (
      DELETE FROM checkpoints WHERE thread_id = $1 AND checkpoint_ns = ''
        AND checkpoint_id IN (SELECT checkpoint_id FROM doomed)
    )
    DELETE FROM checkpoint_blobs b WHERE b.thread_id = $1 AND b.checkpoint_ns = '' AND NOT EXISTS (
      SELECT 1 FROM checkpoints c WHERE c.thread_id = $1 AND c.checkpoint_ns = ''
        AND c.checkpoint_id NOT IN (SELECT checkpoint_id FROM doomed)
        AND c.checkpoint -> 'channel_versions' ->> b.channel = b.version
    )`;
  return async (threadId) => {
    await pool.query(sql, [threadId]);
  };
}
