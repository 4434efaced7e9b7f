/**
 * The result shapes of mcp-atlassian 0.23.1's Jira tools (its models' `to_simplified_dict`), so that
 * code written against the real server reads the desk's answers unchanged. Field order follows
 * the Python source; like it, empty values are left out and `url` (the REST self link) appears
 * only when every field was asked for (the create result) or `url` was named.
 * Source: sooperset/mcp-atlassian@v0.23.1 src/mcp_atlassian/models/jira/{issue,comment,common}.py.
 */
import type { DeskComment, DeskIssue, DeskSearchResult, DeskUser } from './desk-types.js';
import { STATUS_CATEGORY } from './desk-types.js';
import { jiraTime, type JsonObject } from './jira-json.js';

/** mcp-atlassian's DEFAULT_READ_JIRA_FIELDS. */
export const DEFAULT_READ_FIELDS: readonly string[] = [
  'summary',
  'description',
  'status',
  'assignee',
  'reporter',
  'labels',
  'versions',
  'priority',
  'created',
  'updated',
  'issuetype',
];

/** undefined = everything (as after create); otherwise `*all` or a list of Jira field ids. */
export type RequestedFields = '*all' | readonly string[] | undefined;

export interface SimplifyOptions {
  requested: RequestedFields;
  /** REST self link of the issue. */
  selfUrl: string;
  /** `<JIRA_URL>/browse/<KEY>`; mcp-atlassian adds it on get and search, not on create. */
  browseUrl?: string;
}

function simplifiedUser(user: DeskUser): JsonObject {
  return {
    account_id: null,
    display_name: user.displayName,
    name: user.name,
    email: user.emailAddress,
    avatar_url: null,
    key: user.name,
  };
}

function simplifiedComment(comment: DeskComment): JsonObject {
  return {
    id: comment.id,
    body: comment.body,
    author: simplifiedUser(comment.author),
    created: jiraTime(comment.created),
    updated: jiraTime(comment.created),
  };
}

export function simplifiedIssue(issue: DeskIssue, options: SimplifyOptions, comments = issue.comments): JsonObject {
  const { requested } = options;
  const want = (field: string): boolean => requested === undefined || requested === '*all' || requested.includes(field);
  const out: JsonObject = { id: issue.id, key: issue.key };
  if (want('summary')) out.summary = issue.summary;
  if (want('url')) out.url = options.selfUrl;
  if (options.browseUrl) out.browse_url = options.browseUrl;
  if (issue.description && want('description')) out.description = issue.description;
  if (want('status')) {
    const category = STATUS_CATEGORY[issue.status];
    out.status = { name: issue.status, category: category.name, color: category.colorName };
  }
  if (want('issuetype')) out.issue_type = { name: issue.issueType };
  if (want('priority')) out.priority = { name: issue.priority };
  if (want('project')) out.project = { key: issue.project.key, name: issue.project.name };
  if (want('assignee')) {
    out.assignee = issue.assignee
      ? simplifiedUser({ name: issue.assignee, displayName: issue.assignee, emailAddress: null })
      : { display_name: 'Unassigned' };
  }
  if (want('reporter')) out.reporter = simplifiedUser(issue.reporter);
  if (issue.labels.length > 0 && want('labels')) out.labels = issue.labels;
  if (issue.components.length > 0 && want('components')) out.components = issue.components;
  if (want('created')) out.created = pythonLocalTime(issue.created);
  if (want('updated')) out.updated = pythonLocalTime(issue.updated);
  if (comments.length > 0 && want('comment')) out.comments = comments.map(simplifiedComment);
  return out;
}

export function simplifiedSearch(
  result: DeskSearchResult,
  requested: RequestedFields,
  urls: { self: (issue: DeskIssue) => string; browse: (issue: DeskIssue) => string },
): JsonObject {
  return {
    total: result.total,
    start_at: result.startAt,
    max_results: result.maxResults,
    issues: result.issues.map((issue) =>
      simplifiedIssue(issue, { requested, selfUrl: urls.self(issue), browseUrl: urls.browse(issue) }),
    ),
  };
}

/** jira_add_comment's result: `created` is Python's `str(datetime)`, `author` a display name. */
export function addedComment(comment: DeskComment): JsonObject {
  return {
    id: comment.id,
    body: comment.body,
    created: pythonDatetime(comment.created),
    author: comment.author.displayName,
  };
}

/** `format_timestamp`: `%Y-%m-%d %H:%M:%S %Z` in the server's zone; the desk reports UTC. */
function pythonLocalTime(iso: string): string {
  return `${new Date(iso).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** `str(datetime)` of an aware UTC datetime: microseconds only when non-zero. */
function pythonDatetime(iso: string): string {
  const d = new Date(iso);
  const base = d.toISOString().slice(0, 19).replace('T', ' ');
  const ms = d.getUTCMilliseconds();
  return `${base}${ms ? `.${String(ms * 1000).padStart(6, '0')}` : ''}+00:00`;
}
