/**
 * Pure presenters from desk types to the result shapes of mcp-atlassian 0.23.1's Jira tools (its
 * models' `to_simplified_dict`), so that code written against the real server reads the desk's
 * answers unchanged. Field order follows the Python source; like it, empty values are left out and
 * `url` (the REST self link) appears only when every field was asked for (the create result) or
 * `url` was named. Comments are an input: a caller whose fields want `comment` loads them first.
 * Source: sooperset/mcp-atlassian@v0.23.1 src/mcp_atlassian/models/jira/{issue,comment,common}.py.
 */
import type { DeskComment, DeskIssue, DeskSearchResult, DeskTransition, DeskUser } from '../desk-types.js';
import { STATUS_CATEGORY } from '../desk-types.js';
import { jiraIssueSelf, jiraTime, type JsonObject } from './jira-rest.js';

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
  /** The desk base URL: `url` is the REST self link, `browse_url` the staff page. */
  base: string;
  /** mcp-atlassian adds `browse_url` on get and search, not on create. */
  browse?: boolean;
  /** Shown when `requested` wants `comment` (see `wantsField`); none when left out. */
  comments?: readonly DeskComment[] | undefined;
}

/** Whether `requested` asks for `field`, i.e. whether a caller must load what that field needs. */
export function wantsField(requested: RequestedFields, field: string): boolean {
  return requested === undefined || requested === '*all' || requested.includes(field);
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

export function simplifiedIssue(issue: DeskIssue, options: SimplifyOptions): JsonObject {
  const { requested, base } = options;
  const comments = options.comments ?? [];
  const want = (field: string): boolean => wantsField(requested, field);
  const out: JsonObject = { id: issue.id, key: issue.key };
  if (want('summary')) out.summary = issue.summary;
  if (want('url')) out.url = jiraIssueSelf(issue, base);
  if (options.browse) out.browse_url = `${base}/browse/${issue.key}`;
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

/** jira_create_issue's result: every field, no browse link; a new issue has no comments yet. */
export function createdIssueResult(issue: DeskIssue, base: string): JsonObject {
  return { message: 'Issue created successfully', issue: simplifiedIssue(issue, { requested: undefined, base }) };
}

/** The sections jira_get_issue's `include` can inline; the desk has data only for comments and transitions. */
export type IncludeSection = 'remote_links' | 'transitions' | 'watchers' | 'changelog' | 'comments' | 'worklogs';

export interface IssueResultOptions {
  base: string;
  requested: RequestedFields;
  include: ReadonlySet<IncludeSection>;
  /** Already cut to the tool's `comment_limit`. */
  comments: readonly DeskComment[];
  transitions: readonly DeskTransition[];
}

/** jira_get_issue's result: the simplified issue plus the `include` sections asked for. */
export function issueResult(issue: DeskIssue, options: IssueResultOptions): JsonObject {
  const { include } = options;
  const result = simplifiedIssue(issue, {
    requested: options.requested,
    base: options.base,
    browse: true,
    comments: options.comments,
  });
  if (include.has('comments') && !('comments' in result)) result.comments = [];
  if (include.has('changelog')) result.changelogs = [];
  if (include.has('remote_links')) result.remote_links = [];
  if (include.has('transitions')) {
    result.transitions = options.transitions.map((t) => ({ id: t.id, name: t.name, to_status: t.to }));
  }
  if (include.has('watchers')) result.watchers = {};
  if (include.has('worklogs')) result.worklogs = [];
  return result;
}

/** jira_search's result; `comments` by issue id, needed when `requested` wants `comment`. */
export function simplifiedSearch(
  result: DeskSearchResult,
  requested: RequestedFields,
  base: string,
  comments?: ReadonlyMap<string, readonly DeskComment[]>,
): JsonObject {
  return {
    total: result.total,
    start_at: result.startAt,
    max_results: result.maxResults,
    issues: result.issues.map((issue) =>
      simplifiedIssue(issue, { requested, base, browse: true, comments: comments?.get(issue.id) }),
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
