/**
 * Pending turns, in the same SQLite file as the messages: the employee's message and its turn
 * are written in one transaction before the ack, and a turn row goes only once its reply is
 * stored. What is left at start-up is what a crash interrupted.
 */
import type { PendingTurn, TurnJournal } from '../chat/ports.js';
import type { SqliteConversationRepository } from './conversation-repository.js';
import type { SqliteDatabase } from './sqlite.js';

/** A pending turn as both journals (SQLite here, Postgres in postgres/) store it. */
export interface TurnRow {
  conversation_id: string;
  message_id: string;
  text: string;
  user_name: string;
  user_email: string;
  owner: string;
}

export const SELECT_PENDING_TURNS =
  'SELECT conversation_id, message_id, text, user_name, user_email, owner FROM pending_turns ORDER BY seq';

export const toPendingTurn = (row: TurnRow): PendingTurn => ({
  conversationId: row.conversation_id,
  messageId: row.message_id,
  text: row.text,
  user: { name: row.user_name, email: row.user_email },
  owner: row.owner,
});

export function createTurnJournal(db: SqliteDatabase, conversations: SqliteConversationRepository): TurnJournal {
  db.exec(`
    CREATE TABLE IF NOT EXISTS pending_turns (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      message_id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL,
      text TEXT NOT NULL,
      user_name TEXT NOT NULL,
      user_email TEXT NOT NULL,
      owner TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
  `);
  const insert = db.prepare(
    `INSERT INTO pending_turns (message_id, conversation_id, text, user_name, user_email, owner, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare('DELETE FROM pending_turns WHERE message_id = ?');
  const selectOne = db.prepare<[string], { one: number }>('SELECT 1 AS one FROM pending_turns WHERE message_id = ?');
  const selectAll = db.prepare<[], TurnRow>(SELECT_PENDING_TURNS);
  const accept = db.transaction((...[message, turn]: Parameters<TurnJournal['accept']>) => {
    const stored = conversations.addMessageNow(message);
    const { name, email } = turn.user;
    insert.run(stored.id, message.conversationId, message.text, name, email, turn.owner, stored.createdAt);
    return stored;
  });
  return {
    accept: async (message, turn) => accept(message, turn),
    async finish(messageId) {
      remove.run(messageId);
    },
    isPending: async (messageId) => selectOne.get(messageId) !== undefined,
    pending: async (): Promise<PendingTurn[]> => selectAll.all().map(toPendingTurn),
  };
}
