/**
 * The escalation outbox's rows in Postgres (`EscalationStore`, as store/escalation-repository.ts
 * in SQLite), worked by every replica: `due` claims rows with `FOR UPDATE SKIP LOCKED` and leases
 * them in the same statement, so two workers polling at once never take the same row, and a row
 * whose worker died is taken again once its lease ends.
 */
import type { TicketRef } from '../../contract/index.js';
import type { EscalationRecord, EscalationStore, FailureKind, TicketDraft } from '../../tickets/ports.js';
import type { PostgresPool } from './database.js';

interface Row {
  escalation_id: string;
  conversation_id: string;
  status: 'pending' | 'created';
  attempts: number;
  ticket: TicketRef | null;
  draft: TicketDraft | null;
  next_attempt_at: number;
  error_kind: FailureKind | null;
  last_error: string | null;
  delivered: boolean;
}

const COLUMNS =
  'escalation_id, conversation_id, status, attempts, ticket, draft, next_attempt_at, error_kind, last_error, delivered';
const IS_WAITING = "status = 'pending' AND draft IS NOT NULL";

const toRecord = (row: Row): EscalationRecord => ({
  escalationId: row.escalation_id,
  conversationId: row.conversation_id,
  status: row.status,
  attempts: row.attempts,
  ticket: row.ticket ?? undefined,
  draft: row.draft ?? undefined,
  nextAttemptAt: row.next_attempt_at,
  lastError: row.error_kind ? { kind: row.error_kind, cause: row.last_error ?? '' } : undefined,
  delivered: row.delivered,
});

export function createPostgresEscalationRepository(pool: PostgresPool): EscalationStore {
  const rows = async (sql: string, params: unknown[] = []): Promise<Row[]> => (await pool.query<Row>(sql, params)).rows;
  const update = async (sql: string, params: unknown[]): Promise<void> => void (await pool.query(sql, params));

  return {
    async get(escalationId) {
      const [row] = await rows(`SELECT ${COLUMNS} FROM escalations WHERE escalation_id = $1`, [escalationId]);
      return row ? toRecord(row) : undefined;
    },
    async enqueue(input) {
      const at = new Date();
      // A known id keeps its row; only a draft it lacked is filled in.
      const [row] = await rows(
        `INSERT INTO escalations AS e (escalation_id, conversation_id, status, attempts, draft, next_attempt_at,
           delivered, created_at, updated_at)
         VALUES ($1, $2, 'pending', 0, $3, $4, false, $5, $5)
         ON CONFLICT (escalation_id) DO UPDATE SET draft = COALESCE(e.draft, EXCLUDED.draft)
         RETURNING ${COLUMNS}`,
        [input.escalationId, input.conversationId, JSON.stringify(input.draft), input.notBefore, at],
      );
      if (!row) throw new Error(`escalation ${input.escalationId} was not stored`);
      return toRecord(row);
    },
    async beginAttempt(escalationId) {
      const { rows: found } = await pool.query<{ attempts: number }>(
        'UPDATE escalations SET attempts = attempts + 1, updated_at = $1 WHERE escalation_id = $2 RETURNING attempts',
        [new Date(), escalationId],
      );
      const row = found[0];
      if (!row) throw new Error(`escalation ${escalationId} was not enqueued`);
      return row.attempts;
    },
    complete: (escalationId, ticket) =>
      update(
        `UPDATE escalations SET status = 'created', ticket = $1, delivered = false, error_kind = NULL,
           last_error = NULL, updated_at = $2 WHERE escalation_id = $3`,
        [JSON.stringify(ticket), new Date(), escalationId],
      ),
    scheduleRetry: (escalationId, nextAttemptAt, error) =>
      update(
        `UPDATE escalations SET next_attempt_at = $1, error_kind = $2, last_error = $3, updated_at = $4
         WHERE escalation_id = $5`,
        [nextAttemptAt, error.kind, error.cause.slice(0, 500), new Date(), escalationId],
      ),
    markDelivered: (escalationId) =>
      update('UPDATE escalations SET delivered = true, updated_at = $1 WHERE escalation_id = $2', [
        new Date(),
        escalationId,
      ]),
    async due(now, limit, leaseUntil) {
      // The returned rows carry their retry time from before the lease (what the caller asked about).
      const claimed = await rows(
        `WITH due AS (
           SELECT escalation_id, next_attempt_at FROM escalations
           WHERE ${IS_WAITING} AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED
         )
         UPDATE escalations e SET next_attempt_at = $3 FROM due WHERE e.escalation_id = due.escalation_id
         RETURNING e.escalation_id, e.conversation_id, e.status, e.attempts, e.ticket, e.draft, due.next_attempt_at,
           e.error_kind, e.last_error, e.delivered`,
        [now, limit, leaseUntil],
      );
      return claimed.sort((a, b) => a.next_attempt_at - b.next_attempt_at).map(toRecord);
    },
    async undelivered() {
      return (
        await rows(`SELECT ${COLUMNS} FROM escalations WHERE status = 'created' AND NOT delivered ORDER BY updated_at`)
      ).map(toRecord);
    },
    async pendingCount() {
      const { rows: found } = await pool.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM escalations WHERE ${IS_WAITING}`,
      );
      return found[0]?.n ?? 0;
    },
    async oldestPendingAt() {
      const { rows: found } = await pool.query<{ at: Date | null }>(
        `SELECT MIN(created_at) AS at FROM escalations WHERE ${IS_WAITING}`,
      );
      return found[0]?.at?.getTime() ?? undefined;
    },
    async latestConfigError() {
      const [row] = await rows(
        `SELECT ${COLUMNS} FROM escalations WHERE status = 'pending' AND error_kind = 'config'
         ORDER BY updated_at DESC LIMIT 1`,
      );
      return row ? { escalationId: row.escalation_id, cause: row.last_error ?? '' } : undefined;
    },
  };
}
