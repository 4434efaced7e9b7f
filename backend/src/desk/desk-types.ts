/**
 * The local desk's domain: a tiny Jira with one workflow (To Do → In Progress → Done, any to any).
 * An issue does not carry its comments: they are loaded only by callers that show them
 * (`DeskService.listComments`, `commentsByIssue`), so a page of issues stays one query.
 */
export const DESK_STATUSES = ['To Do', 'In Progress', 'Done'] as const;
export type DeskStatus = (typeof DESK_STATUSES)[number];

export const ISSUE_TYPES = ['Task', 'Bug', 'Story', 'Incident', 'Service Request'] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

export const PRIORITIES = ['Highest', 'High', 'Medium', 'Low', 'Lowest'] as const;

/** Jira's status categories for the three statuses (ids and colours as Jira Server reports them). */
export const STATUS_CATEGORY: Record<DeskStatus, { id: number; key: string; name: string; colorName: string }> = {
  'To Do': { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  'In Progress': { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  Done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

/** Jira's default workflow uses these transition ids; a transition is named after its target. */
export const TRANSITION_ID: Record<DeskStatus, string> = { 'To Do': '11', 'In Progress': '21', Done: '31' };

export interface DeskUser {
  /** Jira Server's username. */
  name: string;
  displayName: string;
  emailAddress: string | null;
}

export interface DeskProject {
  key: string;
  name: string;
}

export interface DeskComment {
  id: string;
  author: DeskUser;
  body: string;
  /** ISO 8601. */
  created: string;
}

export interface DeskIssue {
  id: string;
  key: string;
  project: DeskProject;
  summary: string;
  description: string;
  issueType: IssueType;
  status: DeskStatus;
  priority: string;
  labels: string[];
  components: string[];
  reporter: DeskUser;
  assignee: string | null;
  created: string;
  updated: string;
}

export interface CreateIssueInput {
  projectKey: string;
  summary: string;
  issueType: string;
  description?: string;
  priority?: string;
  labels?: string[];
  components?: string[];
  assignee?: string;
  /** Defaults to the desk's own user (the token's identity, as in Jira). */
  reporter?: DeskUser;
}

export interface SearchPage {
  startAt?: number;
  maxResults?: number;
}

export interface DeskSearchResult {
  issues: DeskIssue[];
  total: number;
  startAt: number;
  maxResults: number;
}

export interface DeskTransition {
  id: string;
  name: string;
  to: DeskStatus;
}
