/**
 * The local desk's MCP tools, built to be indistinguishable from mcp-atlassian 0.23.1's for the four
 * tools the bot uses: same names, argument names, types and required-ness, same JSON text results,
 * and failures as `isError` results reading "Error calling tool '<fn>': <detail>" (its
 * `handle_tool_errors`). Source: sooperset/mcp-atlassian@v0.23.1 src/mcp_atlassian/servers/jira.py.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { DEFAULT_READ_FIELDS, type RequestedFields } from '../desk/atlassian-shapes.js';
import type { DeskService } from '../desk/desk-service.js';
import type { CreateIssueInput } from '../desk/desk-types.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]+-\d+(?:-\d+)*$/;
const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]+$/;
const DEFAULT_FIELDS = DEFAULT_READ_FIELDS.join(',');

const optionalText = (description: string) => z.string().nullable().optional().describe(description);
const issueKey = z.string().regex(ISSUE_KEY_PATTERN).describe("Jira issue key (e.g., 'PROJ-123', 'ACV2-642')");

export function createDeskMcpServer(desk: DeskService, logger: Logger): McpServer {
  const server = new McpServer(
    { name: 'Jira MCP Service (local desk)', version: '0.23.1' },
    { instructions: 'Provides tools for interacting with the local Jira-compatible desk.' },
  );

  // mcp-atlassian names the Python function, not the prefixed tool, in its error text.
  const run = async (fn: string, work: () => Promise<unknown>): Promise<CallToolResult> => {
    try {
      return { content: [{ type: 'text', text: JSON.stringify(await work(), null, 2) }] };
    } catch (error) {
      const detail =
        error instanceof AppError && error.isUserFacing ? error.message : 'internal error in the local desk';
      if (!(error instanceof AppError) || error.status >= 500) logger.error('desk tool failed', { tool: fn, error });
      return { content: [{ type: 'text', text: `Error calling tool '${fn}': ${detail}` }], isError: true };
    }
  };

  server.registerTool(
    'jira_create_issue',
    {
      title: 'Create Issue',
      description: 'Create a new Jira issue with optional Epic link or parent for subtasks.',
      annotations: { title: 'Create Issue', destructiveHint: false },
      inputSchema: {
        project_key: z
          .string()
          .regex(PROJECT_KEY_PATTERN)
          .describe("The JIRA project key (e.g. 'PROJ', 'DEV', 'ACV2')."),
        summary: z.string().describe('Summary/title of the issue'),
        issue_type: z.string().describe("Issue type (e.g. 'Task', 'Bug', 'Story')."),
        assignee: optionalText("(Optional) Assignee's user identifier: email, display name, or account ID"),
        description: optionalText('Issue description in Markdown format.'),
        components: optionalText("(Optional) Comma-separated list of component names to assign (e.g., 'Frontend,API')"),
        additional_fields: optionalText(
          '(Optional) JSON string of additional fields to set, e.g. {"priority": {"name": "High"}} or {"labels": ["frontend", "urgent"]}',
        ),
      },
    },
    (args) =>
      run('create_issue', async () => {
        const extra = parseAdditionalFields(args.additional_fields);
        const input: CreateIssueInput = {
          projectKey: args.project_key,
          summary: args.summary,
          issueType: args.issue_type,
          ...extra,
          components: [...splitList(args.components ?? undefined), ...(extra.components ?? [])],
        };
        if (args.description) input.description = args.description;
        if (args.assignee) input.assignee = args.assignee;
        const issue = await desk.createIssue(input);
        return {
          message: 'Issue created successfully',
          issue: desk.toSimplifiedIssue(issue, { requested: undefined }),
        };
      }),
  );

  server.registerTool(
    'jira_get_issue',
    {
      title: 'Get Issue',
      description: 'Get details of a specific Jira issue.',
      annotations: { title: 'Get Issue', readOnlyHint: true },
      inputSchema: {
        issue_key: issueKey,
        fields: z
          .string()
          .default(DEFAULT_FIELDS)
          .describe("(Optional) Comma-separated list of fields to return. Use '*all' for all fields."),
        expand: optionalText("(Optional) Fields to expand, e.g. 'renderedFields', 'transitions', 'changelog'"),
        comment_limit: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(10)
          .describe('Maximum number of comments to include (0 or null for no comments)'),
        properties: optionalText('(Optional) A comma-separated list of issue properties to return'),
        update_history: z
          .boolean()
          .default(true)
          .describe('Whether to update the issue view history for the requesting user'),
        include: optionalText(
          '(Optional) Comma-separated sections to inline in the response. Supported: all, remote_links, transitions, watchers, changelog, comments, worklogs',
        ),
        use_display_names: z.boolean().default(false).describe('When true, custom field keys use display names.'),
      },
    },
    (args) =>
      run('get_issue', async () => {
        const issue = await desk.getIssue(args.issue_key).catch((error: unknown) => {
          if (error instanceof AppError && error.kind === 'not_found') {
            throw new AppError(
              'not_found:issue',
              `Issue ${args.issue_key} not found. Verify the issue key and project access.`,
            );
          }
          throw error;
        });
        const include = parseInclude(args.include ?? undefined);
        let requested = parseFields(args.fields);
        const isDefault = Array.isArray(requested) && sameSet(requested, DEFAULT_READ_FIELDS);
        if (Array.isArray(requested) && ((isDefault && args.comment_limit > 0) || include.has('comments'))) {
          requested = [...requested, 'comment'];
        }
        const comments = args.comment_limit > 0 ? issue.comments.slice(-args.comment_limit) : [];
        const result = desk.toSimplifiedIssue(issue, { requested, browse: true }, comments);
        if (include.has('comments') && !('comments' in result)) result.comments = [];
        if (include.has('changelog')) result.changelogs = [];
        if (include.has('remote_links')) result.remote_links = [];
        if (include.has('transitions')) {
          result.transitions = desk.transitions(issue).map((t) => ({ id: t.id, name: t.name, to_status: t.to }));
        }
        if (include.has('watchers')) result.watchers = {};
        if (include.has('worklogs')) result.worklogs = [];
        return result;
      }),
  );

  server.registerTool(
    'jira_add_comment',
    {
      title: 'Add Comment',
      description: 'Add a comment to a Jira issue.',
      annotations: { title: 'Add Comment', destructiveHint: false },
      inputSchema: {
        issue_key: issueKey,
        // `comment` is accepted as an alias (see desk-mcp-server.ts), as 0.23.1's pydantic alias does.
        body: z.string().describe('Comment text in Markdown format'),
        visibility: optionalText(
          '(Optional) Comment visibility as JSON string (e.g. \'{"type":"group","value":"jira-users"}\')',
        ),
        public: z.boolean().nullable().optional().describe('(Optional) For JSM/Service Desk issues only.'),
      },
    },
    (args) =>
      run('add_comment', async () => {
        const comment = await desk.addComment(args.issue_key, args.body).catch((error: unknown) => {
          if (error instanceof AppError && error.isUserFacing) {
            throw new AppError(error.code, `Error adding comment: ${error.message}`);
          }
          throw error;
        });
        return desk.toAddedComment(comment);
      }),
  );

  server.registerTool(
    'jira_search',
    {
      title: 'Search Issues',
      description: 'Search Jira issues using JQL (Jira Query Language).',
      annotations: { title: 'Search Issues', readOnlyHint: true },
      inputSchema: {
        jql: z.string().describe('JQL query string (Jira Query Language).'),
        fields: z
          .string()
          .default(DEFAULT_FIELDS)
          .describe("(Optional) Comma-separated fields to return in the results. Use '*all' for all fields."),
        limit: z.number().int().min(1).default(10).describe('Maximum number of results (1-50)'),
        start_at: z.number().int().min(0).default(0).describe('Starting index for pagination (0-based)'),
        projects_filter: optionalText('(Optional) Comma-separated list of project keys to filter results by.'),
        expand: optionalText("(Optional) fields to expand. Examples: 'renderedFields', 'transitions', 'changelog'"),
        page_token: optionalText('(Optional) Pagination token from a previous search result. Cloud only.'),
        use_display_names: z.boolean().default(false).describe('When true, custom field keys use display names.'),
      },
    },
    (args) =>
      run('search', async () => {
        const projects = splitList(args.projects_filter ?? undefined);
        const result = await desk.search(args.jql, {
          startAt: args.start_at,
          maxResults: Math.min(args.limit, 50),
          ...(projects.length ? { projects } : {}),
        });
        return desk.toSimplifiedSearch(result, parseFields(args.fields));
      }),
  );

  return server;
}

type ExtraFields = Pick<CreateIssueInput, 'labels' | 'priority' | 'components'>;

/** The few Jira fields the desk keeps; other keys are ignored, as Jira ignores unknown fields here. */
function parseAdditionalFields(text: string | null | undefined): ExtraFields {
  if (text === null || text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'bad_request:additional_fields',
      `additional_fields is not valid JSON: ${(error as Error).message}`,
    );
  }
  const shape = z.object({
    labels: z.union([z.array(z.string()), z.string().transform((s) => splitList(s))]).optional(),
    priority: z.union([z.object({ name: z.string() }).transform((p) => p.name), z.string()]).optional(),
    components: z.array(z.union([z.object({ name: z.string() }).transform((c) => c.name), z.string()])).optional(),
  });
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('bad_request:additional_fields', 'Parsed additional_fields is not a JSON object (dict).');
  }
  const result = shape.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError(
      'bad_request:additional_fields',
      `additional_fields.${issue?.path.join('.') ?? ''} is not valid`,
    );
  }
  const out: ExtraFields = {};
  if (result.data.labels) out.labels = result.data.labels;
  if (result.data.priority !== undefined) out.priority = result.data.priority;
  if (result.data.components) out.components = result.data.components;
  return out;
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function parseFields(fields: string): RequestedFields {
  if (fields.trim() === '*all') return '*all';
  return splitList(fields);
}

const INCLUDE_SECTIONS = new Set(['remote_links', 'transitions', 'watchers', 'changelog', 'comments', 'worklogs']);
const INCLUDE_ALIASES: Record<string, string> = { comment: 'comments', worklog: 'worklogs' };

function parseInclude(include: string | undefined): Set<string> {
  const sections = new Set<string>();
  for (const raw of splitList(include)) {
    const name = raw.toLowerCase();
    if (name === 'all') INCLUDE_SECTIONS.forEach((s) => sections.add(s));
    const section = INCLUDE_ALIASES[name] ?? name;
    if (INCLUDE_SECTIONS.has(section)) sections.add(section);
  }
  return sections;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}
