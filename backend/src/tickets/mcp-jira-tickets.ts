/**
 * JiraTickets over MCP (`jira_create_issue`, `jira_search`, `jira_add_comment`), the same for
 * mcp-atlassian and the local desk. Promises one ticket per escalation id: the id is recorded
 * before the call and carried as a label, so an attempt whose outcome was lost is looked up
 * before creating again. This is one attempt; the outbox (escalation-outbox.ts) retries.
 */
import { z } from 'zod';
import type { TicketRef } from '../contract/index.js';
import type { ToolClient } from '../mcp/ports.js';
import type { Logger } from '../shared/logger.js';
import { AppError } from '../shared/errors.js';
import type { EscalationRepository } from '../store/escalation-repository.js';
import { escalationLabel, reporterLabel } from './labels.js';
import { createMcpTicketQueries } from './mcp-ticket-queries.js';
import { BOT_LABEL, type CreateOptions, type JiraTickets, type TicketDraft } from './ports.js';

export interface McpJiraTicketsDeps {
  client: ToolClient;
  escalations: EscalationRepository;
  projectKey: string;
  issueType: string;
  /** Base for browse links, e.g. https://acme.atlassian.net; resolved per call. */
  browseBase: () => string;
  logger: Logger;
}

/** The part of mcp-atlassian's simplified issue the bot reads; the rest passes through. */
const issueSchema = z
  .object({
    key: z.string(),
    summary: z.string().optional(),
    status: z.union([z.object({ name: z.string() }).passthrough(), z.string()]).optional(),
  })
  .passthrough();
const createResultSchema = z.object({ issue: issueSchema }).passthrough();
const searchResultSchema = z.object({ issues: z.array(issueSchema) }).passthrough();

const MAX_SUMMARY = 120;

export { escalationLabel, reporterLabel };

const statusName = (status: { name: string } | string | undefined): string =>
  typeof status === 'string' ? status : (status?.name ?? 'To Do');

export function createMcpJiraTickets(deps: McpJiraTicketsDeps): Required<JiraTickets> {
  const { client, escalations, logger } = deps;

  const toRef = (key: string, summary: string, status: string): TicketRef => ({
    key,
    url: `${deps.browseBase()}/browse/${encodeURIComponent(key)}`,
    summary,
    status,
  });

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
    const parsed = searchResultSchema.safeParse(raw);
    const hit = parsed.success ? parsed.data.issues[0] : undefined;
    return hit ? toRef(hit.key, hit.summary ?? '', statusName(hit.status)) : undefined;
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
      const parsed = searchResultSchema.safeParse(raw);
      if (!parsed.success) return [];
      return parsed.data.issues.map((hit) => toRef(hit.key, hit.summary ?? '', statusName(hit.status)));
    },

    async addComment(key, markdown, options = {}) {
      await client.callTool('jira_add_comment', { issue_key: key, body: markdown }, { signal: options.signal });
      logger.info('comment added', { key });
    },

    async create(draft: TicketDraft, options: CreateOptions): Promise<TicketRef> {
      const { escalationId, conversationId, signal } = options;
      const before = escalations.beginAttempt(escalationId, conversationId);
      if (before?.status === 'created' && before.ticket) return before.ticket;

      const label = escalationLabel(escalationId);
      if (before && before.attempts > 0) {
        // An earlier attempt may have created the ticket and lost the answer.
        const existing = await findExisting(label, signal);
        if (existing) {
          escalations.complete(escalationId, existing, { delivered: false });
          logger.info('ticket found for earlier attempt', { escalationId, key: existing.key });
          return existing;
        }
      }

      const summary =
        draft.summary.length > MAX_SUMMARY ? `${draft.summary.slice(0, MAX_SUMMARY - 1)}…` : draft.summary;
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
      const ticket = toRef(
        parsed.data.issue.key,
        parsed.data.issue.summary ?? summary,
        statusName(parsed.data.issue.status),
      );
      // Not yet delivered: the outbox marks it once the chat has it.
      escalations.complete(escalationId, ticket, { delivered: false });
      logger.info('ticket created', { escalationId, conversationId, key: ticket.key });
      return ticket;
    },
  };
}
