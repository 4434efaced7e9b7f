/**
 * Read-only ticket look-ups over MCP (`jira_get_issue`, `jira_search`) for "what's the status of
 * my ticket?" and "my tickets". The same for mcp-atlassian and the local desk; the browse link is
 * built here because neither result carries one for Jira. Failures are `TicketGatewayError`s.
 */
import { z } from 'zod';
import type { TicketRef } from '../contract/index.js';
import { BOT_LABEL } from '../domain/index.js';
import { ticketSearchJql } from '../tickets/jql.js';
import { reporterLabel } from '../tickets/labels.js';
import type { JiraTickets } from '../tickets/ports.js';
import type { ToolClient } from './ports.js';
import { withTicketFailures } from './ticket-failures.js';

export interface McpTicketQueriesDeps {
  client: ToolClient;
  projectKey: string;
  browseBase: () => string;
}

/** The part of mcp-atlassian's simplified issue the bot reads; the rest passes through. */
export const issueSchema = z
  .object({
    key: z.string(),
    summary: z.string().optional(),
    status: z.union([z.object({ name: z.string() }).loose(), z.string()]).optional(),
  })
  .loose();
export const searchSchema = z.object({ issues: z.array(issueSchema) }).loose();
type McpIssue = z.infer<typeof issueSchema>;

/** A TicketRef from an MCP issue; `summary` stands in when the result leaves it out. */
export function toTicketRef(browseBase: string, issue: McpIssue, summary = ''): TicketRef {
  return {
    key: issue.key,
    url: `${browseBase}/browse/${encodeURIComponent(issue.key)}`,
    summary: issue.summary ?? summary,
    status: typeof issue.status === 'string' ? issue.status : (issue.status?.name ?? 'To Do'),
  };
}

const MAX_LISTED = 10;

export function createMcpTicketQueries(deps: McpTicketQueriesDeps): Pick<JiraTickets, 'get' | 'listOpen'> {
  const jira = withTicketFailures(deps.client);
  const toRef = (issue: McpIssue): TicketRef => toTicketRef(deps.browseBase(), issue);

  return {
    async get(key, options = {}) {
      const raw = await jira.callTool(
        'jira_get_issue',
        { issue_key: key, fields: 'summary,status', comment_limit: 0 },
        { signal: options.signal },
      );
      return toRef(issueSchema.parse(raw));
    },

    async listOpen(reporterKey, options = {}) {
      const jql = ticketSearchJql({
        projectKey: deps.projectKey,
        labels: [BOT_LABEL, reporterLabel(reporterKey)],
        isOpenOnly: true,
        order: 'newest',
      });
      const raw = await jira.callTool(
        'jira_search',
        { jql, fields: 'summary,status', limit: MAX_LISTED },
        { signal: options.signal },
      );
      return searchSchema.parse(raw).issues.map(toRef);
    },
  };
}
