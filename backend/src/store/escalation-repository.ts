/**
 * The escalation outbox's rows in SQLite (`EscalationStore`, declared by tickets/): one row per
 * escalation id, written with the ticket draft before any MCP call. A `pending` row is a confirmed
 * escalation whose ticket does not exist yet (or whose outcome is unknown: the ticket must be
 * looked up before creating again); `created` rows keep the ticket and whether the chat has been
 * told. Survives restarts: the worker resumes from here.
 */
import type { TicketRef } from '../contract/index.js';
import type { EscalationRecord, EscalationStore, FailureKind, NewEscalation, TicketDraft } from '../tickets/ports.js';
import type { SqliteDatabase } from './sqlite.js';

interface Row {
  escalation_id: string;
  conversation_id: string;
  status: 'pending' | 'created';
  attempts: number;
  ticket: string | null;
  draft: string | null;
  next_attempt_at: number;
  error_kind: FailureKind | null;
  last_error: string | null;
  delivered: number;
}

const COLUMNS =
  'escalation_id, conversation_id, status, attempts, ticket, draft, next_attempt_at, error_kind, last_error, delivered';

/** Columns added after the first release; added in place so old data folders keep working. */
const ADDED_COLUMNS: Record<string, string> = {
  draft: 'TEXT',
  next_attempt_at: 'INTEGER NOT NULL DEFAULT 0',
  error_kind: 'TEXT',
  last_error: 'TEXT',
  delivered: 'INTEGER NOT NULL DEFAULT 1',
};

export function createEscalationRepository(db: SqliteDatabase): EscalationStore {
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
  const present = new Set((db.pragma('table_info(escalations)') as { name: string }[]).map((c) => c.name));
  for (const [name, type] of Object.entries(ADDED_COLUMNS)) {
    if (!present.has(name)) db.exec(`ALTER TABLE escalations ADD COLUMN ${name} ${type}`);
  }
  db.exec('CREATE INDEX IF NOT EXISTS escalations_due ON escalations (status, next_attempt_at)');

  const select = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM escalations WHERE escalation_id = ?`);
  const insert = db.prepare(
    `INSERT INTO escalations (escalation_id, conversation_id, status, attempts, draft, next_attempt_at, delivered,
       created_at, updated_at)
     VALUES (?, ?, 'pending', 0, ?, ?, 0, ?, ?)
     ON CONFLICT(escalation_id) DO UPDATE SET draft = COALESCE(draft, excluded.draft)`,
  );
  const incrementAttempts = db.prepare<[string, string], { attempts: number }>(
    'UPDATE escalations SET attempts = attempts + 1, updated_at = ? WHERE escalation_id = ? RETURNING attempts',
  );
  const markCreated = db.prepare(
    `UPDATE escalations SET status = 'created', ticket = ?, delivered = 0, error_kind = NULL, last_error = NULL,
       updated_at = ? WHERE escalation_id = ?`,
  );
  const retry = db.prepare(
    'UPDATE escalations SET next_attempt_at = ?, error_kind = ?, last_error = ?, updated_at = ? WHERE escalation_id = ?',
  );
  const delivered = db.prepare('UPDATE escalations SET delivered = 1, updated_at = ? WHERE escalation_id = ?');
  const selectDue = db.prepare<[number, number], Row>(
    `SELECT ${COLUMNS} FROM escalations WHERE status = 'pending' AND draft IS NOT NULL AND next_attempt_at <= ?
     ORDER BY next_attempt_at LIMIT ?`,
  );
  const selectUndelivered = db.prepare<[], Row>(
    `SELECT ${COLUMNS} FROM escalations WHERE status = 'created' AND delivered = 0 ORDER BY updated_at`,
  );
  const oldestPending = db.prepare<[], { created_at: string | null }>(
    "SELECT MIN(created_at) AS created_at FROM escalations WHERE status = 'pending' AND draft IS NOT NULL",
  );
  const countPending = db.prepare<[], { n: number }>(
    "SELECT COUNT(*) AS n FROM escalations WHERE status = 'pending' AND draft IS NOT NULL",
  );
  const selectConfigError = db.prepare<[], Row>(
    `SELECT ${COLUMNS} FROM escalations WHERE status = 'pending' AND error_kind = 'config'
     ORDER BY updated_at DESC LIMIT 1`,
  );

  const toRecord = (row: Row): EscalationRecord => ({
    escalationId: row.escalation_id,
    conversationId: row.conversation_id,
    status: row.status,
    attempts: row.attempts,
    ticket: row.ticket ? (JSON.parse(row.ticket) as TicketRef) : undefined,
    draft: row.draft ? (JSON.parse(row.draft) as TicketDraft) : undefined,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.error_kind ? { kind: row.error_kind, cause: row.last_error ?? '' } : undefined,
    delivered: row.delivered === 1,
  });
  const get = (id: string) => {
    const row = select.get(id);
    return row ? toRecord(row) : undefined;
  };
  const now = () => new Date().toISOString();

  const enqueue = db.transaction((input: NewEscalation) => {
    const at = now();
    insert.run(input.escalationId, input.conversationId, JSON.stringify(input.draft), input.notBefore, at, at);
    return get(input.escalationId) as EscalationRecord;
  });

  // better-sqlite3 answers synchronously; the port is asynchronous for Postgres.
  return {
    get: async (escalationId) => get(escalationId),
    enqueue: async (input) => enqueue(input),
    async beginAttempt(escalationId) {
      const row = incrementAttempts.get(now(), escalationId);
      if (!row) throw new Error(`escalation ${escalationId} was not enqueued`);
      return row.attempts;
    },
    async complete(escalationId, ticket) {
      markCreated.run(JSON.stringify(ticket), now(), escalationId);
    },
    async scheduleRetry(escalationId, nextAttemptAt, error) {
      retry.run(nextAttemptAt, error.kind, error.cause.slice(0, 500), now(), escalationId);
    },
    async markDelivered(escalationId) {
      delivered.run(now(), escalationId);
    },
    due: async (at, limit) => selectDue.all(at, limit).map(toRecord),
    undelivered: async () => selectUndelivered.all().map(toRecord),
    pendingCount: async () => countPending.get()?.n ?? 0,
    oldestPendingAt: async () => {
      const at = oldestPending.get()?.created_at;
      return at ? Date.parse(at) : undefined;
    },
    async latestConfigError() {
      const row = selectConfigError.get();
      return row ? { escalationId: row.escalation_id, cause: row.last_error ?? '' } : undefined;
    },
  };
}
