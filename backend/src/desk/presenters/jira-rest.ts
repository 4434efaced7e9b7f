/**
 * Pure presenters from desk types to Jira REST v2 JSON, shaped like Jira Server/Data Center
 * answers so that the real mcp-atlassian (and any Jira client) can read them. `base` is the desk
 * base URL (`http://host/desk`); every `self` link hangs off `<base>/rest/api/2`. Comments are an
 * input, never fetched here: a caller that selects the `comment` field loads them first.
 */
import type { DeskComment, DeskIssue, DeskSearchResult, DeskStatus, DeskTransition, DeskUser } from '../desk-types.js';
import { STATUS_CATEGORY } from '../desk-types.js';

export type JsonObject = Record<string, unknown>;

/** Which fields to include: undefined, `*all` and `*navigable` mean all; unknown names are ignored. */
export type FieldSelection = readonly string[] | undefined;

export const STATUS_IDS: Record<DeskStatus, string> = { 'To Do': '10000', 'In Progress': '3', Done: '10001' };
export const ISSUE_TYPE_IDS: Record<string, string> = {
  Bug: '1',
  Task: '3',
  Story: '10001',
  Incident: '10002',
  'Service Request': '10003',
};
export const PRIORITY_IDS: Record<string, string> = { Highest: '1', High: '2', Medium: '3', Low: '4', Lowest: '5' };

const JIRA_SYSTEM_FIELDS: ReadonlyArray<{ id: string; name: string; type: string; items?: string }> = [
  { id: 'summary', name: 'Summary', type: 'string' },
  { id: 'description', name: 'Description', type: 'string' },
  { id: 'issuetype', name: 'Issue Type', type: 'issuetype' },
  { id: 'project', name: 'Project', type: 'project' },
  { id: 'status', name: 'Status', type: 'status' },
  { id: 'priority', name: 'Priority', type: 'priority' },
  { id: 'labels', name: 'Labels', type: 'array', items: 'string' },
  { id: 'components', name: 'Component/s', type: 'array', items: 'component' },
  { id: 'reporter', name: 'Reporter', type: 'user' },
  { id: 'assignee', name: 'Assignee', type: 'user' },
  { id: 'created', name: 'Created', type: 'datetime' },
  { id: 'updated', name: 'Updated', type: 'datetime' },
  { id: 'comment', name: 'Comment', type: 'comments-page' },
  { id: 'resolution', name: 'Resolution', type: 'resolution' },
  { id: 'resolutiondate', name: 'Resolved', type: 'datetime' },
];

/** Jira's timestamp format: `2026-05-01T10:00:00.000+0000`. */
export function jiraTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

export function jiraFieldList(): JsonObject[] {
  return JIRA_SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: !['status', 'created', 'updated', 'comment', 'resolutiondate'].includes(f.id),
    navigable: f.id !== 'comment',
    searchable: true,
    clauseNames: [f.id],
    schema: { type: f.type, system: f.id, ...(f.items ? { items: f.items } : {}) },
  }));
}

export function jiraUser(user: DeskUser, base: string): JsonObject {
  return {
    self: `${base}/rest/api/2/user?username=${encodeURIComponent(user.name)}`,
    name: user.name,
    key: user.name,
    emailAddress: user.emailAddress,
    displayName: user.displayName,
    active: true,
    timeZone: 'UTC',
  };
}

export function jiraStatus(status: DeskStatus, base: string): JsonObject {
  const category = STATUS_CATEGORY[status];
  return {
    self: `${base}/rest/api/2/status/${STATUS_IDS[status]}`,
    description: '',
    name: status,
    id: STATUS_IDS[status],
    statusCategory: {
      self: `${base}/rest/api/2/statuscategory/${category.id}`,
      id: category.id,
      key: category.key,
      colorName: category.colorName,
      name: category.name,
    },
  };
}

export function jiraComment(issue: DeskIssue, comment: DeskComment, base: string): JsonObject {
  const author = jiraUser(comment.author, base);
  return {
    self: `${base}/rest/api/2/issue/${issue.id}/comment/${comment.id}`,
    id: comment.id,
    author,
    body: comment.body,
    updateAuthor: author,
    created: jiraTime(comment.created),
    updated: jiraTime(comment.created),
  };
}

export function jiraCommentPage(
  issue: DeskIssue,
  comments: readonly DeskComment[],
  base: string,
  startAt = 0,
  maxResults = 1000,
): JsonObject {
  const page = comments.slice(startAt, startAt + maxResults).map((c) => jiraComment(issue, c, base));
  return { startAt, maxResults, total: comments.length, comments: page };
}

export function jiraIssueSelf(issue: DeskIssue, base: string): string {
  return `${base}/rest/api/2/issue/${issue.id}`;
}

/** Whether `selection` asks for `field`, i.e. whether a caller must load what that field needs. */
export function selectsJiraField(selection: FieldSelection, field: string): boolean {
  return isEverything(selection) || (selection?.includes(field) ?? false);
}

export interface JiraIssueOptions {
  fields?: FieldSelection;
  /** Needed when `fields` selects `comment`; without them the field is left out rather than shown empty. */
  comments?: readonly DeskComment[] | undefined;
}

export function jiraIssue(issue: DeskIssue, base: string, options: JiraIssueOptions = {}): JsonObject {
  const issueTypeId = ISSUE_TYPE_IDS[issue.issueType] ?? '3';
  const priorityId = PRIORITY_IDS[issue.priority] ?? '3';
  const all: JsonObject = {
    summary: issue.summary,
    description: issue.description === '' ? null : issue.description,
    issuetype: {
      self: `${base}/rest/api/2/issuetype/${issueTypeId}`,
      id: issueTypeId,
      description: '',
      name: issue.issueType,
      subtask: false,
    },
    project: {
      self: `${base}/rest/api/2/project/${issue.project.key}`,
      id: issue.project.key,
      key: issue.project.key,
      name: issue.project.name,
      projectTypeKey: 'service_desk',
    },
    status: jiraStatus(issue.status, base),
    priority: {
      self: `${base}/rest/api/2/priority/${priorityId}`,
      id: priorityId,
      name: issue.priority,
    },
    labels: issue.labels,
    components: issue.components.map((name) => ({ name })),
    reporter: jiraUser(issue.reporter, base),
    creator: jiraUser(issue.reporter, base),
    assignee: issue.assignee
      ? jiraUser({ name: issue.assignee, displayName: issue.assignee, emailAddress: null }, base)
      : null,
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    resolution: issue.status === 'Done' ? { id: '10000', name: 'Done', description: '' } : null,
    resolutiondate: issue.status === 'Done' ? jiraTime(issue.updated) : null,
    ...(options.comments ? { comment: jiraCommentPage(issue, options.comments, base) } : {}),
  };
  const fields = selectFields(all, options.fields);
  return {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: issue.id,
    self: jiraIssueSelf(issue, base),
    key: issue.key,
    fields,
  };
}

/** `POST /issue`'s answer. */
export function jiraIssueRef(issue: DeskIssue, base: string): JsonObject {
  return { id: issue.id, key: issue.key, self: jiraIssueSelf(issue, base) };
}

/** `GET /search`; `comments` by issue id, needed when `fields` selects `comment`. */
export function jiraSearchResult(
  result: DeskSearchResult,
  base: string,
  fields: FieldSelection,
  comments?: ReadonlyMap<string, readonly DeskComment[]>,
): JsonObject {
  return {
    expand: 'schema,names',
    startAt: result.startAt,
    maxResults: result.maxResults,
    total: result.total,
    issues: result.issues.map((issue) => jiraIssue(issue, base, { fields, comments: comments?.get(issue.id) })),
  };
}

export function jiraTransitions(transitions: readonly DeskTransition[], base: string): JsonObject {
  return {
    expand: 'transitions',
    transitions: transitions.map((t) => ({
      id: t.id,
      name: t.name,
      to: jiraStatus(t.to, base),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isConditional: false,
    })),
  };
}

export function jiraServerInfo(base: string): JsonObject {
  return {
    baseUrl: base,
    version: '9.12.0',
    versionNumbers: [9, 12, 0],
    deploymentType: 'Server',
    buildNumber: 912000,
    serverTitle: 'Local desk',
  };
}

function isEverything(selection: FieldSelection): boolean {
  return !selection || selection.length === 0 || selection.some((f) => f === '*all' || f === '*navigable');
}

function selectFields(all: JsonObject, selection: FieldSelection): JsonObject {
  if (isEverything(selection)) return all;
  const out: JsonObject = {};
  for (const name of selection ?? []) if (name in all) out[name] = all[name];
  return out;
}
