/**
 * JiraTickets over MCP (`jira_create_issue`, `jira_search`, `jira_add_comment`), the same for
 * mcp-atlassian and the local desk. Each ticket carries its escalation's label, so an attempt
 * whose outcome was lost is found by that label before creating again. This is one attempt; the
 * outbox (escalation-outbox.ts) records attempts and retries.
 */
import { z } from 'zod';
import type { TicketRef } from '../contract/index.js';
import type { ToolClient } from '../mcp/ports.js';
import type { Logger } from '../shared/logger.js';
import { AppError } from '../shared/errors.js';
import { escalationLabel, reporterLabel } from './labels.js';
import { createMcpTicketQueries, issueSchema, searchSchema, toTicketRef } from './mcp-ticket-queries.js';
import type { CreateOptions, JiraTickets, TicketDraft } from './ports.js';
import { BOT_LABEL, MAX_SUMMARY_LENGTH } from '../domain/index.js';

export interface McpJiraTicketsDeps {
  client: ToolClient;
  projectKey: string;
  issueType: string;
  /** Base for browse links, e.g. https://acme.atlassian.net; resolved per call. */
  browseBase: () => string;
  logger: Logger;
}

export interface McpCreateOptions extends CreateOptions {
  /**
   * Search for the escalation's label before creating (default): needed whenever an earlier
   * attempt may have made the ticket. The outbox skips it on an escalation's first attempt.
   */
  lookUpFirst?: boolean;
}

export interface McpJiraTickets extends Required<JiraTickets> {
  create(draft: TicketDraft, options: McpCreateOptions): Promise<TicketRef>;
}

const createResultSchema = z.object({ issue: issueSchema }).loose();


export function createMcpJiraTickets(deps: McpJiraTicketsDeps): McpJiraTickets {
  const { client, logger } = deps;

  async function findExisting(label: string, signal?: AbortSignal): Promise<TicketRef | undefined> {
    const raw = await client.callTool(
      'jira_search',
      {
        jql: `project = ${deps.projectKey} AND labels = "${label}" ORDER BY created ASC`,
        fields: 'summary,status',
        limit: 1,
      },
      { signal },
    );
    const parsed = searchSchema.safeParse(raw);
    const hit = parsed.success ? parsed.data.issues[0] : undefined;
    return hit ? toTicketRef(deps.browseBase(), hit) : undefined;
  }

  return {
    ...createMcpTicketQueries({ client, projectKey: deps.projectKey, browseBase: deps.browseBase }),

    async findOpen(reporterEmail, category, options = {}) {
      const raw = await client.callTool(
        'jira_search',
        {
          jql:
            `project = ${deps.projectKey} AND labels = "${BOT_LABEL}" AND labels = "${category}" ` +
            `AND labels = "${reporterLabel(reporterEmail)}" AND statusCategory != Done ORDER BY created DESC`,
          fields: 'summary,status',
          limit: 3,
        },
        { signal: options.signal },
      );
      const parsed = searchSchema.safeParse(raw);
      if (!parsed.success) return [];
      return parsed.data.issues.map((hit) => toTicketRef(deps.browseBase(), hit));
    },

    async addComment(key, markdown, options = {}) {
      await client.callTool('jira_add_comment', { issue_key: key, body: markdown }, { signal: options.signal });
      logger.info('comment added', { key });
    },

    async create(draft, options) {
      const { escalationId, conversationId, signal } = options;
      const label = escalationLabel(escalationId);
      if (options.lookUpFirst ?? true) {
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

      const raw = await client.callTool(
        'jira_create_issue',
        {
          project_key: deps.projectKey,
          summary,
          issue_type: deps.issueType,
          description: draft.description,
          additional_fields: JSON.stringify(additional),
        },
        { signal },
      );
      const parsed = createResultSchema.safeParse(raw);
      if (!parsed.success) {
        throw new AppError('unavailable:jira', undefined, { cause: new Error('unexpected jira_create_issue result') });
      }
      const ticket = toTicketRef(deps.browseBase(), parsed.data.issue, summary);
      logger.info('ticket created', { escalationId, conversationId, key: ticket.key });
      return ticket;
    },
  };
}
