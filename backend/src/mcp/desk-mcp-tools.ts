/**
 * The local desk's MCP tools, built to be indistinguishable from mcp-atlassian 0.23.1's for the four
 * tools the bot uses: same names, argument names, types and required-ness, same JSON text results,
 * and failures as `isError` results reading "Error calling tool '<fn>': <detail>" (its
 * `handle_tool_errors`). Source: sooperset/mcp-atlassian@v0.23.1 src/mcp_atlassian/servers/jira.py.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { DeskService } from '../desk/desk-service.js';
import type { CreateIssueInput } from '../desk/desk-types.js';
import {
  DEFAULT_READ_FIELDS,
  addedComment,
  createdIssueResult,
  issueResult,
  simplifiedSearch,
  wantsField,
} from '../desk/presenters/mcp-atlassian.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { parseAdditionalFields, parseFields, parseInclude, sameSet, splitList } from './desk-mcp-args.js';

const ISSUE_KEY_PATTERN = /^[A-Z][A-Z0-9_]+-\d+(?:-\d+)*$/;
const PROJECT_KEY_PATTERN = /^[A-Z][A-Z0-9_]+$/;
const DEFAULT_FIELDS = DEFAULT_READ_FIELDS.join(',');

const optionalText = (description: string) => z.string().nullable().optional().describe(description);
const issueKey = z.string().regex(ISSUE_KEY_PATTERN).describe("Jira issue key (e.g., 'PROJ-123', 'ACV2-642')");

/** Runs a tool's work and turns its value or failure into the tool result mcp-atlassian would give. */
type RunTool = (fn: string, work: () => Promise<unknown>) => Promise<CallToolResult>;

export function createDeskMcpServer(desk: DeskService, logger: Logger): McpServer {
  const server = new McpServer(
    { name: 'Jira MCP Service (local desk)', version: '0.23.1' },
    { instructions: 'Provides tools for interacting with the local Jira-compatible desk.' },
  );

  // mcp-atlassian names the Python function, not the prefixed tool, in its error text.
  const run: RunTool = async (fn, work) => {
    try {
      return { content: [{ type: 'text', text: JSON.stringify(await work(), null, 2) }] };
    } catch (error) {
      const detail =
        error instanceof AppError && error.isUserFacing ? error.message : 'internal error in the local desk';
      if (!(error instanceof AppError) || error.status >= 500) logger.error('desk tool failed', { tool: fn, error });
      return { content: [{ type: 'text', text: `Error calling tool '${fn}': ${detail}` }], isError: true };
    }
  };

  registerCreateIssue(server, desk, run);
  registerGetIssue(server, desk, run);
  registerAddComment(server, desk, run);
  registerSearch(server, desk, run);
  return server;
}

function registerCreateIssue(server: McpServer, desk: DeskService, run: RunTool): void {
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
        return createdIssueResult(await desk.createIssue(input), desk.baseUrl());
      }),
  );
}

function registerGetIssue(server: McpServer, desk: DeskService, run: RunTool): void {
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
        const showsComments = args.comment_limit > 0 && wantsField(requested, 'comment');
        const comments = showsComments ? (await desk.listComments(issue)).slice(-args.comment_limit) : [];
        return issueResult(issue, {
          base: desk.baseUrl(),
          requested,
          include,
          comments,
          transitions: desk.transitions(issue),
        });
      }),
  );
}

function registerAddComment(server: McpServer, desk: DeskService, run: RunTool): void {
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
        return addedComment(comment);
      }),
  );
}

function registerSearch(server: McpServer, desk: DeskService, run: RunTool): void {
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
        const requested = parseFields(args.fields);
        const comments = wantsField(requested, 'comment') ? await desk.commentsByIssue(result.issues) : undefined;
        return simplifiedSearch(result, requested, desk.baseUrl(), comments);
      }),
  );
}
