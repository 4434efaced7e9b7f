/**
 * JiraTickets over MCP (`jira_create_issue`, `jira_search`), the same for mcp-atlassian and the
 * local desk. Promises one ticket per escalation id: the id is recorded before the call and
 * carried as a label, so an attempt whose outcome was lost is looked up before creating again.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { TicketRef } from '../contract/index.js';
import type { ToolClient } from '../mcp/ports.js';
import type { Logger } from '../shared/logger.js';
import { AppError } from '../shared/errors.js';
import type { EscalationRepository } from '../store/escalation-repository.js';
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

const createResultSchema = z
  .object({
    issue: z
      .object({
        key: z.string(),
        summary: z.string().optional(),
        status: z.union([z.object({ name: z.string() }).passthrough(), z.string()]).optional(),
      })
      .passthrough(),
  })
  .passthrough();

const searchResultSchema = z
  .object({
    issues: z.array(
      z
        .object({
          key: z.string(),
          summary: z.string().optional(),
          status: z.union([z.object({ name: z.string() }).passthrough(), z.string()]).optional(),
        })
        .passthrough(),
    ),
  })
  .passthrough();

const MAX_SUMMARY = 120;

/** Jira labels may not contain spaces; a hash keeps the label short and opaque. */
export function escalationLabel(escalationId: string): string {
  return `hd-esc-${createHash('sha256').update(escalationId).digest('hex').slice(0, 16)}`;
}

const statusName = (status: { name: string } | string | undefined): string =>
  typeof status === 'string' ? status : (status?.name ?? 'To Do');

export function createMcpJiraTickets(deps: McpJiraTicketsDeps): JiraTickets {
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
    async create(draft: TicketDraft, options: CreateOptions): Promise<TicketRef> {
      const { escalationId, conversationId, signal } = options;
      const before = escalations.beginAttempt(escalationId, conversationId);
      if (before?.status === 'created' && before.ticket) return before.ticket;

      const label = escalationLabel(escalationId);
      if (before) {
        // An earlier attempt may have created the ticket and lost the answer.
        const existing = await findExisting(label, signal);
        if (existing) {
          escalations.complete(escalationId, existing);
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
      escalations.complete(escalationId, ticket);
      logger.info('ticket created', { escalationId, conversationId, key: ticket.key });
      return ticket;
    },
  };
}
