/**
 * The ticket ports over MCP (`jira_create_issue`, `jira_search`, `jira_add_comment`), the same
 * for mcp-atlassian and the local desk: `JiraTickets` for the agent and the one-attempt
 * `TicketGateway` for the outbox. Each ticket carries its escalation's label, so an attempt whose
 * outcome was lost is found by that label before creating again. Failures are `TicketGatewayError`s.
 */
import { z } from 'zod';
import type { TicketRef } from '../contract/index.js';
import { BOT_LABEL, MAX_SUMMARY_LENGTH } from '../domain/index.js';
import type { Logger } from '../shared/logger.js';
import { ticketSearchJql } from '../tickets/jql.js';
import { escalationLabel, reporterLabel } from '../tickets/labels.js';
import {
  TicketGatewayError,
  type AttemptOptions,
  type JiraTickets,
  type TicketDraft,
  type TicketGateway,
} from '../tickets/ports.js';
import { createMcpTicketQueries, issueSchema, searchSchema, toTicketRef } from './mcp-ticket-queries.js';
import type { ToolClient } from './ports.js';
import { withTicketFailures } from './ticket-failures.js';

export interface McpJiraTicketsDeps {
  client: ToolClient;
  projectKey: string;
  issueType: string;
  /** Base for browse links, e.g. https://acme.atlassian.net; resolved per call. */
  browseBase: () => string;
  logger: Logger;
}

/** `create` is one attempt that always looks the label up first; `attempt` lets the outbox skip that. */
export type McpJiraTickets = JiraTickets & TicketGateway;

const createResultSchema = z.object({ issue: issueSchema }).loose();

export function createMcpJiraTickets(deps: McpJiraTicketsDeps): McpJiraTickets {
  const { projectKey, logger } = deps;
  const jira = withTicketFailures(deps.client);

  async function findExisting(label: string, signal?: AbortSignal): Promise<TicketRef | undefined> {
    const jql = ticketSearchJql({ projectKey, labels: [label], order: 'oldest' });
    const raw = await jira.callTool('jira_search', { jql, fields: 'summary,status', limit: 1 }, { signal });
    const parsed = searchSchema.safeParse(raw);
    const hit = parsed.success ? parsed.data.issues[0] : undefined;
    return hit ? toTicketRef(deps.browseBase(), hit) : undefined;
  }

  async function attempt(draft: TicketDraft, options: AttemptOptions): Promise<TicketRef> {
    const { escalationId, conversationId, signal } = options;
    const label = escalationLabel(escalationId);
    if (options.lookUpFirst) {
      const existing = await findExisting(label, signal);
      if (existing) {
        logger.info('ticket found for earlier attempt', { escalationId, key: existing.key });
        return existing;
      }
    }

    const summary =
      draft.summary.length > MAX_SUMMARY_LENGTH ? `${draft.summary.slice(0, MAX_SUMMARY_LENGTH - 1)}…` : draft.summary;
    const labels = [...new Set([BOT_LABEL, draft.category, label, ...(draft.labels ?? [])])];
    const additional: Record<string, unknown> = { labels };
    if (draft.priority) additional['priority'] = { name: draft.priority };

    const raw = await jira.callTool(
      'jira_create_issue',
      {
        project_key: projectKey,
        summary,
        issue_type: deps.issueType,
        description: draft.description,
        additional_fields: JSON.stringify(additional),
      },
      { signal },
    );
    const parsed = createResultSchema.safeParse(raw);
    // The call went through, so the ticket may exist: only a label search can tell.
    if (!parsed.success) throw new TicketGatewayError('unknown-outcome', 'unexpected jira_create_issue result');
    const ticket = toTicketRef(deps.browseBase(), parsed.data.issue, summary);
    logger.info('ticket created', { escalationId, conversationId, key: ticket.key });
    return ticket;
  }

  return {
    ...createMcpTicketQueries({ client: deps.client, projectKey, browseBase: deps.browseBase }),
    attempt,
    create: (draft, options) => attempt(draft, { ...options, lookUpFirst: true }),

    async findOpen(reporterKey, category, options = {}) {
      const jql = ticketSearchJql({
        projectKey,
        labels: [BOT_LABEL, category, reporterLabel(reporterKey)],
        isOpenOnly: true,
        order: 'newest',
      });
      const raw = await jira.callTool(
        'jira_search',
        { jql, fields: 'summary,status', limit: 3 },
        { signal: options.signal },
      );
      const parsed = searchSchema.safeParse(raw);
      if (!parsed.success) return [];
      return parsed.data.issues.map((hit) => toTicketRef(deps.browseBase(), hit));
    },

    async addComment(key, markdown, options = {}) {
      await jira.callTool('jira_add_comment', { issue_key: key, body: markdown }, { signal: options.signal });
      logger.info('comment added', { key });
    },
  };
}
