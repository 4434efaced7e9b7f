/**
 * SQLite implementation of the local desk's repository port (desk/ports.ts): projects (with a
 * per-project key counter), issues and comments. Issue keys are allocated inside the insert's
 * transaction, so two creates never share a key.
 */
import type {
  CommentRecord,
  DeskRepository,
  IssueCondition,
  IssueRecord,
  NewCommentRecord,
  NewIssueRecord,
  ProjectRecord,
} from '../desk/ports.js';
import type { SqliteDatabase } from './sqlite.js';

const schema = `
CREATE TABLE IF NOT EXISTS desk_projects (
  key TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  next_number INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE IF NOT EXISTS desk_issues (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  project TEXT NOT NULL REFERENCES desk_projects(key),
  summary TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  issue_type TEXT NOT NULL,
  status TEXT NOT NULL,
  priority TEXT NOT NULL,
  labels TEXT NOT NULL DEFAULT '[]',
  components TEXT NOT NULL DEFAULT '[]',
  reporter_name TEXT NOT NULL,
  reporter_email TEXT,
  assignee TEXT,
  created TEXT NOT NULL,
  updated TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS desk_issues_project ON desk_issues(project);
CREATE TABLE IF NOT EXISTS desk_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  issue_id INTEGER NOT NULL REFERENCES desk_issues(id) ON DELETE CASCADE,
  author_name TEXT NOT NULL,
  author_email TEXT,
  body TEXT NOT NULL,
  created TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS desk_comments_issue ON desk_comments(issue_id);
`;

interface IssueRow {
  id: number;
  key: string;
  project: string;
  project_name: string;
  summary: string;
  description: string;
  issue_type: string;
  status: string;
  priority: string;
  labels: string;
  components: string;
  reporter_name: string;
  reporter_email: string | null;
  assignee: string | null;
  created: string;
  updated: string;
}

interface CommentRow {
  id: number;
  issue_id: number;
  author_name: string;
  author_email: string | null;
  body: string;
  created: string;
}

const columnByField: Record<Exclude<IssueCondition['field'], 'labels' | 'reporter'>, string> = {
  project: 'project',
  key: 'key',
  status: 'status',
  issuetype: 'issue_type',
  priority: 'priority',
};

const orderColumn = { created: 'created', updated: 'updated', key: 'id' } as const;

// A correlated subquery rather than a join, so that the search conditions' bare column names
// (`key`, `project`) stay unambiguous.
const SELECT_ISSUES = `SELECT *, COALESCE((SELECT name FROM desk_projects WHERE desk_projects.key = desk_issues.project),
  desk_issues.project) AS project_name FROM desk_issues`;

export function createDeskRepository(db: SqliteDatabase): DeskRepository {
  db.exec(schema);

  const insertProject = db.prepare('INSERT OR IGNORE INTO desk_projects (key, name) VALUES (?, ?)');
  const nextNumber = db.prepare<[string], { next_number: number }>(
    'UPDATE desk_projects SET next_number = next_number + 1 WHERE key = ? RETURNING next_number - 1 AS next_number',
  );
  const insertIssueRow = db.prepare(
    `INSERT INTO desk_issues (key, project, summary, description, issue_type, status, priority, labels,
       components, reporter_name, reporter_email, assignee, created, updated)
     VALUES (@key, @project, @summary, @description, @issueType, @status, @priority, @labels,
       @components, @reporterName, @reporterEmail, @assignee, @created, @created)`,
  );
  const byKey = db.prepare<[string], IssueRow>(`${SELECT_ISSUES} WHERE key = ? COLLATE NOCASE`);
  const byId = db.prepare<[number], IssueRow>(`${SELECT_ISSUES} WHERE id = ?`);

  const insertIssue = db.transaction((issue: NewIssueRecord): IssueRecord => {
    const counter = nextNumber.get(issue.project);
    if (!counter) throw new Error(`unknown project ${issue.project}`);
    const key = `${issue.project}-${counter.next_number}`;
    const result = insertIssueRow.run({
      ...issue,
      key,
      labels: JSON.stringify(issue.labels),
      components: JSON.stringify(issue.components),
    });
    const row = byId.get(Number(result.lastInsertRowid));
    if (!row) throw new Error('inserted issue not found');
    return toIssue(row);
  });

  const insertCommentRow = db.prepare(
    `INSERT INTO desk_comments (issue_id, author_name, author_email, body, created)
     VALUES (@issueId, @authorName, @authorEmail, @body, @created)`,
  );
  const touchIssue = db.prepare('UPDATE desk_issues SET updated = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE desk_issues SET status = ?, updated = ? WHERE id = ?');
  const allProjects = db.prepare<[], ProjectRecord>('SELECT key, name FROM desk_projects ORDER BY key');
  // The ids travel as one JSON array: one statement for any page size, no bound-parameter limit.
  const commentsOf = db.prepare<[string], CommentRow>(
    'SELECT * FROM desk_comments WHERE issue_id IN (SELECT value FROM json_each(?)) ORDER BY id',
  );
  const insertComment = db.transaction((comment: NewCommentRecord): CommentRecord => {
    const result = insertCommentRow.run(comment);
    touchIssue.run(comment.created, comment.issueId);
    return { ...comment, id: Number(result.lastInsertRowid) };
  });

  // better-sqlite3 answers synchronously; the port is asynchronous for Postgres.
  return {
    async ensureProject(project) {
      insertProject.run(project.key, project.name);
    },
    async listProjects() {
      return allProjects.all();
    },
    insertIssue: async (issue) => insertIssue(issue),
    async findIssue(keyOrId) {
      const row = /^\d+$/.test(keyOrId) ? byId.get(Number(keyOrId)) : byKey.get(keyOrId);
      return row ? toIssue(row) : undefined;
    },
    async queryIssues(query) {
      const { where, params } = buildWhere(query.conditions ?? []);
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM desk_issues ${where}`)
        .get(...params);
      const order = query.orderBy ?? { field: 'key', direction: 'DESC' };
      const sql = `${SELECT_ISSUES} ${where} ORDER BY ${orderColumn[order.field]} ${order.direction}, id ${order.direction} LIMIT ? OFFSET ?`;
      const rows = db.prepare<unknown[], IssueRow>(sql).all(...params, query.limit ?? -1, query.offset ?? 0);
      return { issues: rows.map(toIssue), total: total?.n ?? 0 };
    },
    async updateStatus(id, status, updated) {
      setStatus.run(status, updated, id);
    },
    insertComment: async (comment) => insertComment(comment),
    async listComments(issueIds) {
      if (issueIds.length === 0) return [];
      return commentsOf.all(JSON.stringify(issueIds)).map(toComment);
    },
  };
}

function buildWhere(conditions: IssueCondition[]): { where: string; params: string[] } {
  const clauses: string[] = [];
  const params: string[] = [];
  for (const c of conditions) {
    if (c.values.length === 0) {
      // "x in ()" matches nothing; "x not in ()" matches everything.
      if (!c.negate) clauses.push('0');
      continue;
    }
    const marks = c.values.map(() => '?').join(', ');
    let clause: string;
    if (c.field === 'labels') {
      clause = `EXISTS (SELECT 1 FROM json_each(desk_issues.labels) WHERE value COLLATE NOCASE IN (${marks}))`;
      params.push(...c.values);
    } else if (c.field === 'reporter') {
      // A reporter is found by display name, email, or username (the email's local part).
      const username = "substr(reporter_email, 1, instr(reporter_email, '@') - 1)";
      clause = `(reporter_name COLLATE NOCASE IN (${marks}) OR reporter_email COLLATE NOCASE IN (${marks}) OR ${username} COLLATE NOCASE IN (${marks}))`;
      params.push(...c.values, ...c.values, ...c.values);
    } else {
      clause = `${columnByField[c.field]} COLLATE NOCASE IN (${marks})`;
      params.push(...c.values);
    }
    clauses.push(c.negate ? `NOT ${clause}` : clause);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function toIssue(row: IssueRow): IssueRecord {
  return {
    id: row.id,
    key: row.key,
    project: row.project,
    projectName: row.project_name,
    summary: row.summary,
    description: row.description,
    issueType: row.issue_type,
    status: row.status,
    priority: row.priority,
    labels: parseList(row.labels),
    components: parseList(row.components),
    reporterName: row.reporter_name,
    reporterEmail: row.reporter_email,
    assignee: row.assignee,
    created: row.created,
    updated: row.updated,
  };
}

function toComment(row: CommentRow): CommentRecord {
  return {
    id: row.id,
    issueId: row.issue_id,
    authorName: row.author_name,
    authorEmail: row.author_email,
    body: row.body,
    created: row.created,
  };
}

function parseList(text: string): string[] {
  const value: unknown = JSON.parse(text);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
