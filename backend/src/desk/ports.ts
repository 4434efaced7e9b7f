/**
 * What the local desk needs from storage, declared here so that the adapter (store/desk-repository.ts)
 * depends on the desk and not the other way round. Plain records in, plain records out: validation,
 * statuses and wire shapes stay in desk/. Issue keys are allocated by the repository, atomically
 * with the insert, so two creates never share a key.
 */

export interface IssueRecord {
  id: number;
  key: string;
  project: string;
  /** The project's display name, read with the issue so a page of issues needs no second lookup. */
  projectName: string;
  summary: string;
  description: string;
  issueType: string;
  status: string;
  priority: string;
  labels: string[];
  components: string[];
  reporterName: string;
  reporterEmail: string | null;
  assignee: string | null;
  /** ISO 8601. */
  created: string;
  updated: string;
}

export type NewIssueRecord = Omit<IssueRecord, 'id' | 'key' | 'projectName' | 'updated'>;

export interface CommentRecord {
  id: number;
  issueId: number;
  authorName: string;
  authorEmail: string | null;
  body: string;
  created: string;
}

export type NewCommentRecord = Omit<CommentRecord, 'id'>;

export interface ProjectRecord {
  key: string;
  name: string;
}

/** One condition of a search; `values` match case-insensitively, several values mean "in". */
export interface IssueCondition {
  field: 'project' | 'key' | 'status' | 'labels' | 'reporter' | 'issuetype' | 'priority';
  negate: boolean;
  values: string[];
}

export interface IssueOrder {
  field: 'created' | 'updated' | 'key';
  direction: 'ASC' | 'DESC';
}

export interface IssueQuery {
  conditions?: IssueCondition[];
  orderBy?: IssueOrder;
  offset?: number;
  limit?: number;
}

export interface DeskRepository {
  ensureProject(project: ProjectRecord): Promise<void>;
  listProjects(): Promise<ProjectRecord[]>;
  insertIssue(issue: NewIssueRecord): Promise<IssueRecord>;
  findIssue(keyOrId: string): Promise<IssueRecord | undefined>;
  /** One page and the total number of matches. */
  queryIssues(query: IssueQuery): Promise<{ issues: IssueRecord[]; total: number }>;
  updateStatus(id: number, status: string, updated: string): Promise<void>;
  insertComment(comment: NewCommentRecord): Promise<CommentRecord>;
  /** The comments of all the given issues at once (a page needs one call, not one per issue), oldest first. */
  listComments(issueIds: readonly number[]): Promise<CommentRecord[]>;
}
