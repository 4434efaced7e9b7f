/**
 * What the Jira webhook receiver has already done, in Postgres (as store/jira-webhook-repository.ts
 * in SQLite): delivery ids seen, events seen, and per issue and scope the time of the newest event
 * applied. A claim is one transaction, and the applied time only moves forward in one statement, so
 * two replicas handed the same or crossing deliveries cannot both apply, nor an older one win.
 */
import type { DeliveryVerdict, WebhookDeliveries } from '../../jira-events/ports.js';
import { inTransaction, type PostgresPool, type Queryable } from './database.js';

const rememberOn = async (db: Queryable, deliveryId: string): Promise<boolean> =>
  ((
    await db.query(
      'INSERT INTO jira_webhook_deliveries (delivery_id, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [deliveryId, new Date()],
    )
  ).rowCount ?? 0) === 1;

export function createPostgresJiraWebhookRepository(pool: PostgresPool): WebhookDeliveries {
  return {
    remember: (deliveryId) => rememberOn(pool, deliveryId),
    claim: ({ deliveryId, eventKey, issueKey, scope, at }) =>
      inTransaction(pool, async (client): Promise<DeliveryVerdict> => {
        if (!(await rememberOn(client, deliveryId))) return 'duplicate';
        const event = await client.query(
          'INSERT INTO jira_webhook_events (event_key, received_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
          [eventKey, new Date()],
        );
        if ((event.rowCount ?? 0) === 0) return 'duplicate';
        // Equal times are two different events in the same millisecond: both apply.
        const applied = await client.query(
          `INSERT INTO jira_webhook_applied AS a (issue_key, scope, applied_at) VALUES ($1, $2, $3)
           ON CONFLICT (issue_key, scope) DO UPDATE SET applied_at = EXCLUDED.applied_at
           WHERE a.applied_at <= EXCLUDED.applied_at`,
          [issueKey, scope, at],
        );
        return (applied.rowCount ?? 0) === 1 ? 'apply' : 'stale';
      }),
  };
}
