/**
 * Old checkpoints of a thread are pruned after every turn. Each checkpoint holds the whole graph
 * state, so keeping them all made storage grow with the square of a conversation's length; the
 * agent only ever reads the latest (and a turn run again after a crash continues from it). The
 * newest `KEEP` stay, for inspection.
 */
import type { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import type { Statement } from 'better-sqlite3';

const KEEP = 2;

export function createCheckpointPruner(checkpointer: SqliteSaver): (threadId: string) => void {
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
  return db.transaction((threadId: string) => {
    const s = prepare();
    const row = s.oldest.get(threadId) as { checkpoint_id: string } | undefined;
    if (!row) return;
    s.writes.run(threadId, row.checkpoint_id);
    s.checkpoints.run(threadId, row.checkpoint_id);
  });
}
