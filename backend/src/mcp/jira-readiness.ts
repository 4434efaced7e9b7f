/**
 * The `/readyz` check for Jira configuration. Fails with the cause when the outbox's last attempt
 * hit a configuration error (unknown project, bad issue type, refused credentials) or when a cheap
 * probe (`jira_search` for one issue of the project) is refused by Jira. The cause goes to the
 * log through the readiness handler, never to an employee.
 */
import { AppError } from '../shared/errors.js';
import { classifyFailure, type EscalationOutbox } from '../tickets/escalation-outbox.js';
import { ticketSearchJql } from '../tickets/jql.js';
import type { ToolClient } from './ports.js';
import { withTicketFailures } from './ticket-failures.js';

export interface JiraReadinessDeps {
  client: ToolClient;
  outbox: Pick<EscalationOutbox, 'status'>;
  projectKey: string;
  /** A successful probe is trusted this long; readiness is polled often. */
  cacheMs?: number;
  now?: () => number;
}

export function createJiraReadinessCheck(deps: JiraReadinessDeps): () => Promise<void> {
  const now = deps.now ?? Date.now;
  const jira = withTicketFailures(deps.client);
  const jql = ticketSearchJql({ projectKey: deps.projectKey, order: 'newest' });
  let okUntil = 0;
  return async () => {
    const failure = (await deps.outbox.status()).configError;
    if (failure) {
      throw new AppError('unavailable:jira_config', undefined, {
        cause: new Error(`escalation ${failure.escalationId} is queued: ${failure.cause}`),
      });
    }
    if (now() < okUntil) return;
    try {
      await jira.callTool('jira_search', { jql, fields: 'summary', limit: 1 }, { timeoutMs: 4000 });
    } catch (error) {
      // The outbox's rule: what retrying alone cannot fix is a configuration error.
      const { kind, cause } = classifyFailure(error);
      throw new AppError(kind === 'config' ? 'unavailable:jira_config' : 'unavailable:jira', undefined, {
        cause: new Error(`jira probe failed: ${cause}`),
      });
    }
    okUntil = now() + (deps.cacheMs ?? 15_000);
  };
}
