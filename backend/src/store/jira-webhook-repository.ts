/**
 * What the Jira webhook receiver has already done, in SQLite so that it survives restarts: the
 * delivery ids it has seen (Jira repeats deliveries), the events themselves (a replay may come
 * under a new delivery id, or none) and, per issue and scope, the time of the
 * newest event applied (deliveries arrive out of order; an older one must not undo a newer one).
 */
import type { ClaimInput, DeliveryVerdict, WebhookDeliveries } from '../jira-events/ports.js';
import type { SqliteDatabase } from './sqlite.js';

export function createJiraWebhookRepository(db: SqliteDatabase): WebhookDeliveries {
  db.exec(`
    CREATE TABLE IF NOT EXISTS jira_webhook_deliveries (
      delivery_id TEXT PRIMARY KEY,
      received_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS jira_webhook_events (
      event_key TEXT PRIMARY KEY,
      received_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS jira_webhook_applied (
      issue_key TEXT NOT NULL,
      scope TEXT NOT NULL,
      applied_at INTEGER NOT NULL,
      PRIMARY KEY (issue_key, scope)
    );
  `);
  const insertDelivery = db.prepare(
    'INSERT INTO jira_webhook_deliveries (delivery_id, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const insertEvent = db.prepare(
    'INSERT INTO jira_webhook_events (event_key, received_at) VALUES (?, ?) ON CONFLICT DO NOTHING',
  );
  const selectApplied = db.prepare<[string, string], { applied_at: number }>(
    'SELECT applied_at FROM jira_webhook_applied WHERE issue_key = ? AND scope = ?',
  );
  const upsertApplied = db.prepare(
    `INSERT INTO jira_webhook_applied (issue_key, scope, applied_at) VALUES (?, ?, ?)
     ON CONFLICT(issue_key, scope) DO UPDATE SET applied_at = max(applied_at, excluded.applied_at)`,
  );

  const remember = (deliveryId: string): boolean =>
    insertDelivery.run(deliveryId, new Date().toISOString()).changes === 1;

  const claim = db.transaction(({ deliveryId, eventKey, issueKey, scope, at }: ClaimInput): DeliveryVerdict => {
    if (!remember(deliveryId)) return 'duplicate';
    if (insertEvent.run(eventKey, new Date().toISOString()).changes === 0) return 'duplicate';
    const applied = selectApplied.get(issueKey, scope);
    // Equal times are two different events in the same millisecond: both apply.
    if (applied && at < applied.applied_at) return 'stale';
    upsertApplied.run(issueKey, scope, at);
    return 'apply';
  });

  // better-sqlite3 answers synchronously; the port is asynchronous for Postgres.
  return {
    remember: async (deliveryId) => remember(deliveryId),
    claim: async (input) => claim(input),
  };
}
