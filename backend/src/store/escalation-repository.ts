/**
 * The idempotency record around ticket creation: one row per escalation id. A row is written
 * before the MCP call; a row still `pending` after a failure means the outcome is unknown and the
 * ticket must be looked up before creating again.
 */
import type { TicketRef } from '../contract/index.js';
import type { SqliteDatabase } from './sqlite.js';

export interface EscalationRecord {
  escalationId: string;
  conversationId: string;
  status: 'pending' | 'created';
  attempts: number;
  ticket: TicketRef | undefined;
}

export interface EscalationRepository {
  get(escalationId: string): EscalationRecord | undefined;
  /** Records an attempt; returns the record as it was before (undefined on the first attempt). */
  beginAttempt(escalationId: string, conversationId: string): EscalationRecord | undefined;
  complete(escalationId: string, ticket: TicketRef): void;
}

interface Row {
  escalation_id: string;
  conversation_id: string;
  status: 'pending' | 'created';
  attempts: number;
  ticket: string | null;
}

export function createEscalationRepository(db: SqliteDatabase): EscalationRepository {
  db.exec(`
    CREATE TABLE IF NOT EXISTS escalations (
      escalation_id TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      ticket TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
  const select = db.prepare<[string], Row>(
    'SELECT escalation_id, conversation_id, status, attempts, ticket FROM escalations WHERE escalation_id = ?',
  );
  const upsert = db.prepare(
    `INSERT INTO escalations (escalation_id, conversation_id, status, attempts, created_at, updated_at)
     VALUES (?, ?, 'pending', 1, ?, ?)
     ON CONFLICT(escalation_id) DO UPDATE SET attempts = attempts + 1, updated_at = excluded.updated_at`,
  );
  const markCreated = db.prepare(
    "UPDATE escalations SET status = 'created', ticket = ?, updated_at = ? WHERE escalation_id = ?",
  );
  const toRecord = (row: Row): EscalationRecord => ({
    escalationId: row.escalation_id,
    conversationId: row.conversation_id,
    status: row.status,
    attempts: row.attempts,
    ticket: row.ticket ? (JSON.parse(row.ticket) as TicketRef) : undefined,
  });
  const get = (id: string) => {
    const row = select.get(id);
    return row ? toRecord(row) : undefined;
  };
  return {
    get,
    beginAttempt: db.transaction((escalationId: string, conversationId: string) => {
      const before = get(escalationId);
      const now = new Date().toISOString();
      upsert.run(escalationId, conversationId, now, now);
      return before;
    }),
    complete(escalationId, ticket) {
      markCreated.run(JSON.stringify(ticket), new Date().toISOString(), escalationId);
    },
  };
}
