/**
 * Read-only ticket look-ups over MCP (`jira_get_issue`, `jira_search`) for "what's the status of
 * my ticket?" and "my tickets", and the text the bot adds as a comment. The same for mcp-atlassian
 * and the local desk; the browse link is built here because neither result carries one for Jira.
 */
import { z } from 'zod';
import type { TicketRef, User } from '../contract/index.js';
import type { ToolClient } from '../mcp/ports.js';
import { reporterLabel } from './labels.js';
import { BOT_COMMENT_MARKER, BOT_LABEL } from '../domain/index.js';

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

export function createMcpTicketQueries(deps: McpTicketQueriesDeps) {
  const toRef = (issue: McpIssue): TicketRef => toTicketRef(deps.browseBase(), issue);

  return {
    /** One ticket, fresh from Jira. */
    async get(key: string, options: { signal?: AbortSignal } = {}): Promise<TicketRef> {
      const raw = await deps.client.callTool(
        'jira_get_issue',
        { issue_key: key, fields: 'summary,status', comment_limit: 0 },
        { signal: options.signal },
      );
      return toRef(issueSchema.parse(raw));
    },

    /** The employee's unresolved tickets made by the bot, newest first. */
    async listOpen(reporterEmail: string, options: { signal?: AbortSignal } = {}): Promise<TicketRef[]> {
      const raw = await deps.client.callTool(
        'jira_search',
        {
          jql:
            `project = ${deps.projectKey} AND labels = "${BOT_LABEL}" AND labels = "${reporterLabel(reporterEmail)}" ` +
            'AND statusCategory != Done ORDER BY created DESC',
          fields: 'summary,status',
          limit: MAX_LISTED,
        },
        { signal: options.signal },
      );
      return searchSchema.parse(raw).issues.map(toRef);
    },
  };
}

/** Markdown for details the employee added in the chat; the marker keeps it out of the webhook echo. */
export function chatDetailsComment(user: User, text: string): string {
  const quoted = text
    .trim()
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `**${user.name}** (${user.email}) added in the chat:\n\n${quoted}\n\n_${BOT_COMMENT_MARKER}_`;
}
