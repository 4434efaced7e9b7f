/**
 * Pending turns in Postgres: the employee's message and its turn are written in one transaction
 * before the ack, and a turn row goes only once its reply is stored (as store/turn-journal.ts
 * does in SQLite).
 */
import type { PendingTurn, TurnJournal } from '../../chat/ports.js';
import { inTransaction, type PostgresPool } from './database.js';
import { SELECT_PENDING_TURNS, toPendingTurn, type TurnRow } from '../turn-journal.js';
import { insertMessage } from './conversation-repository.js';

export function createPostgresTurnJournal(pool: PostgresPool): TurnJournal {
  return {
    accept: (message, turn) =>
      inTransaction(pool, async (client) => {
        const stored = await insertMessage(client, message);
        await client.query(
          `INSERT INTO pending_turns (message_id, conversation_id, text, user_name, user_email, owner, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            stored.id,
            message.conversationId,
            message.text,
            turn.user.name,
            turn.user.email,
            turn.owner,
            stored.createdAt,
          ],
        );
        return stored;
      }),
    async finish(messageId) {
      await pool.query('DELETE FROM pending_turns WHERE message_id = $1', [messageId]);
    },
    async isPending(messageId) {
      const { rowCount } = await pool.query('SELECT 1 FROM pending_turns WHERE message_id = $1', [messageId]);
      return (rowCount ?? 0) > 0;
    },
    async pending(): Promise<PendingTurn[]> {
      const { rows } = await pool.query<TurnRow>(SELECT_PENDING_TURNS);
      return rows.map(toPendingTurn);
    },
  };
}
