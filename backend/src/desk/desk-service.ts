/**
 * The local desk's use cases: create, read, comment, search (JQL subset), transition. Every entry
 * point (MCP tools, REST, staff pages) goes through here, so validation and error codes are the
 * same whichever door a request came in by. It speaks only desk types; the wire shapes of those
 * doors are pure presenters (presenters/). Errors are AppErrors whose surface names the field
 * (`bad_request:project`), which the REST layer turns into Jira's `errors: { project: … }`.
 */
import { AppError } from '../shared/errors.js';
import type {
  CommentRecord,
  DeskRepository,
  IssueCondition,
  IssueOrder,
  IssueRecord,
  NewIssueRecord,
} from './ports.js';
import type {
  CreateIssueInput,
  DeskComment,
  DeskIssue,
  DeskProject,
  DeskSearchResult,
  DeskStatus,
  DeskTransition,
  DeskUser,
  IssueType,
  SearchPage,
} from './desk-types.js';
import { DESK_STATUSES, ISSUE_TYPES, PRIORITIES, TRANSITION_ID } from './desk-types.js';
import { parseJql, type JqlClause } from './jql.js';

export interface DeskServiceDeps {
  repo: DeskRepository;
  /** The desk's base URL, e.g. `http://127.0.0.1:3000/desk`; known only once the server listens. */
  baseUrl: () => string;
  now?: () => Date;
  /** Projects that exist on the desk; created on first use. Default: IT. */
  projects?: readonly DeskProject[];
  /** The identity behind the desk token (Jira's "myself"); reporter of issues created through it. */
  user?: DeskUser;
}

export interface DeskService {
  readonly user: DeskUser;
  /** The desk base URL without a trailing slash; every link the presenters build hangs off it. */
  baseUrl(): string;
  listProjects(): Promise<DeskProject[]>;
  createIssue(input: CreateIssueInput): Promise<DeskIssue>;
  /** Throws `not_found:issue`. */
  getIssue(keyOrId: string): Promise<DeskIssue>;
  /** Oldest first. */
  listComments(issue: DeskIssue): Promise<DeskComment[]>;
  /** The comments of a page of issues in one query, by issue id, oldest first. */
  commentsByIssue(issues: readonly DeskIssue[]): Promise<ReadonlyMap<string, DeskComment[]>>;
  addComment(keyOrId: string, body: string, author?: DeskUser): Promise<DeskComment>;
  /** `projects` narrows the query further (mcp-atlassian's `projects_filter`). */
  search(jql: string, page?: SearchPage & { projects?: readonly string[] }): Promise<DeskSearchResult>;
  /** Newest first. */
  listIssues(page?: SearchPage): Promise<DeskSearchResult>;
  transitions(issue: DeskIssue): DeskTransition[];
  /** `to` is a status name or a transition id. */
  transition(keyOrId: string, to: string): Promise<DeskIssue>;
}

/** Who the local desk acts as: the bot that files tickets and comments from the chat. */
export const LOCAL_DESK_USER: DeskUser = {
  name: 'it-support-bot',
  displayName: 'IT Support Bot',
  emailAddress: 'it-support-bot@desk.local',
};

const MAX_TEXT = 32767;
const MAX_RESULTS_CAP = 1000;

export function createDeskService(deps: DeskServiceDeps): DeskService {
  const { repo } = deps;
  const now = deps.now ?? (() => new Date());
  const user = deps.user ?? LOCAL_DESK_USER;
  // The configured projects are created on first use: building the desk does no I/O.
  let projectsReady: Promise<void> | undefined;
  const ensureProjects = () =>
    (projectsReady ??= Promise.all(
      (deps.projects ?? [{ key: 'IT', name: 'IT Support' }]).map((project) => repo.ensureProject(project)),
    ).then(
      () => undefined,
      (error: unknown) => {
        projectsReady = undefined;
        throw error;
      },
    ));

  const projectsByKey = async (): Promise<Map<string, DeskProject>> => {
    await ensureProjects();
    return new Map((await repo.listProjects()).map((p) => [p.key.toUpperCase(), p]));
  };

  const findRecord = async (keyOrId: string): Promise<IssueRecord> => {
    const record = await repo.findIssue(keyOrId.trim());
    if (!record) throw new AppError('not_found:issue', 'Issue does not exist or you do not have permission to see it.');
    return record;
  };

  const query = async (conditions: IssueCondition[], orderBy: IssueOrder | undefined, page: SearchPage) => {
    const startAt = Math.max(0, Math.floor(page.startAt ?? 0));
    const maxResults = Math.min(MAX_RESULTS_CAP, Math.max(0, Math.floor(page.maxResults ?? 50)));
    const found = await repo.queryIssues({ conditions, orderBy, offset: startAt, limit: maxResults });
    return { issues: found.issues.map(toIssue), total: found.total, startAt, maxResults };
  };

  const commentsByIssue = async (issues: readonly DeskIssue[]): Promise<Map<string, DeskComment[]>> => {
    const byIssue = new Map<string, DeskComment[]>(issues.map((issue) => [issue.id, []]));
    for (const record of await repo.listComments(issues.map((issue) => Number(issue.id)))) {
      byIssue.get(String(record.issueId))?.push(toComment(record));
    }
    return byIssue;
  };

  const service: DeskService = {
    user,
    baseUrl: () => deps.baseUrl().replace(/\/+$/, ''),
    listProjects: async () => [...(await projectsByKey()).values()],

    async createIssue(input) {
      const project = (await projectsByKey()).get(input.projectKey.trim().toUpperCase());
      if (!project) {
        throw new AppError(
          'bad_request:project',
          `valid project is required (no project '${input.projectKey}' on this desk)`,
        );
      }
      return toIssue(await repo.insertIssue(newIssueRecord(input, project, input.reporter ?? user, now())));
    },

    async getIssue(keyOrId) {
      return toIssue(await findRecord(keyOrId));
    },

    async listComments(issue) {
      return (await commentsByIssue([issue])).get(issue.id) ?? [];
    },

    commentsByIssue,

    async addComment(keyOrId, body, author = user) {
      const record = await findRecord(keyOrId);
      if (!body.trim()) throw new AppError('bad_request:comment', 'Comment body can not be empty!');
      if (body.length > MAX_TEXT)
        throw new AppError('bad_request:comment', `The comment must be at most ${MAX_TEXT} characters.`);
      const saved = await repo.insertComment({
        issueId: record.id,
        authorName: author.displayName,
        authorEmail: author.emailAddress,
        body,
        created: now().toISOString(),
      });
      return toComment(saved);
    },

    async search(jql, page = {}) {
      const parsed = parseJql(jql);
      const projects = parsed.clauses.some((c) => c.field === 'project') ? await projectsByKey() : new Map();
      const conditions = parsed.clauses.map((c) => toCondition(c, projects));
      if (page.projects && page.projects.length > 0) {
        conditions.push({ field: 'project', negate: false, values: [...page.projects] });
      }
      return query(conditions, parsed.orderBy, page);
    },

    async listIssues(page = {}) {
      return query([], { field: 'key', direction: 'DESC' }, page);
    },

    transitions(issue) {
      return DESK_STATUSES.filter((s) => s !== issue.status).map((s) => ({ id: TRANSITION_ID[s], name: s, to: s }));
    },

    async transition(keyOrId, to) {
      const issue = toIssue(await findRecord(keyOrId));
      const wanted = to.trim().toLowerCase();
      const target = service.transitions(issue).find((t) => t.id === wanted || t.name.toLowerCase() === wanted);
      if (!target) {
        throw new AppError(
          'bad_request:transition',
          `Transition '${to}' is not valid for ${issue.key} in status '${issue.status}'.`,
        );
      }
      await repo.updateStatus(Number(issue.id), target.to, now().toISOString());
      return toIssue(await findRecord(issue.id));
    },
  };
  return service;
}

/** Validates a create request the way Jira does, field by field, and builds the record to store. */
function newIssueRecord(input: CreateIssueInput, project: DeskProject, reporter: DeskUser, now: Date): NewIssueRecord {
  const summary = input.summary.trim();
  if (!summary) throw new AppError('bad_request:summary', 'You must specify a summary of the issue.');
  if (summary.length > 255) throw new AppError('bad_request:summary', 'Summary must be less than 255 characters.');
  const issueType = ISSUE_TYPES.find((t) => t.toLowerCase() === input.issueType.trim().toLowerCase());
  if (!issueType) {
    throw new AppError('bad_request:issuetype', `valid issue type is required (one of ${ISSUE_TYPES.join(', ')})`);
  }
  const priority =
    input.priority === undefined
      ? 'Medium'
      : PRIORITIES.find((p) => p.toLowerCase() === input.priority?.trim().toLowerCase());
  if (!priority)
    throw new AppError('bad_request:priority', `valid priority is required (one of ${PRIORITIES.join(', ')})`);
  const description = input.description ?? '';
  if (description.length > MAX_TEXT)
    throw new AppError('bad_request:description', `The description must be at most ${MAX_TEXT} characters.`);
  const labels = unique((input.labels ?? []).map((l) => l.trim()).filter(Boolean));
  const badLabel = labels.find((l) => /\s/.test(l) || l.length > 255);
  if (badLabel !== undefined)
    throw new AppError('bad_request:labels', `The label '${badLabel}' contains spaces which is invalid.`);
  return {
    project: project.key,
    summary,
    description,
    issueType,
    status: 'To Do',
    priority,
    labels,
    components: unique((input.components ?? []).map((c) => c.trim()).filter(Boolean)),
    reporterName: reporter.displayName,
    reporterEmail: reporter.emailAddress,
    assignee: input.assignee?.trim() || null,
    created: now.toISOString(),
  };
}

function toIssue(r: IssueRecord): DeskIssue {
  return {
    id: String(r.id),
    key: r.key,
    project: { key: r.project, name: r.projectName },
    summary: r.summary,
    description: r.description,
    issueType: r.issueType as IssueType,
    status: (DESK_STATUSES as readonly string[]).includes(r.status) ? (r.status as DeskStatus) : 'To Do',
    priority: r.priority,
    labels: r.labels,
    components: r.components,
    reporter: toUser(r.reporterName, r.reporterEmail),
    assignee: r.assignee,
    created: r.created,
    updated: r.updated,
  };
}

function toComment(c: CommentRecord): DeskComment {
  return {
    id: String(c.id),
    author: toUser(c.authorName, c.authorEmail),
    body: c.body,
    created: c.created,
  };
}

const statusCategoryValues: Record<string, DeskStatus> = {
  done: 'Done',
  'to do': 'To Do',
  new: 'To Do',
  'in progress': 'In Progress',
  indeterminate: 'In Progress',
};

function toCondition(clause: JqlClause, projects: Map<string, DeskProject>): IssueCondition {
  const { negate, values } = clause;
  switch (clause.field) {
    case 'statusCategory':
      return {
        field: 'status',
        negate,
        values: values.map((v) => statusCategoryValues[v.toLowerCase()] ?? noSuchValue(v, 'statusCategory')),
      };
    case 'status':
      for (const v of values) {
        if (!DESK_STATUSES.some((s) => s.toLowerCase() === v.toLowerCase())) noSuchValue(v, 'status');
      }
      return { field: 'status', negate, values };
    case 'project':
      for (const v of values) if (!projects.has(v.toUpperCase())) noSuchValue(v, 'project');
      return { field: 'project', negate, values };
    default:
      return { field: clause.field, negate, values };
  }
}

function noSuchValue(value: string, field: string): never {
  throw new AppError('bad_request:jql', `The value '${value}' does not exist for the field '${field}'.`);
}

/** The desk stores a display name and an email; the Jira username is the email's local part. */
function toUser(displayName: string, emailAddress: string | null): DeskUser {
  return { name: emailAddress?.split('@')[0] || displayName, displayName, emailAddress };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
