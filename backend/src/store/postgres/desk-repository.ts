/**
 * The local desk's repository in Postgres (desk/ports.ts; store/desk-repository.ts is the SQLite
 * one): projects with a per-project key counter, issues and comments. An issue's key is taken
 * from its project's counter in the insert's transaction (the counter row is locked until
 * COMMIT), so two creates on any replicas never share a key. Searches match case-insensitively,
 * as Jira and the SQLite desk do.
 */
import type { CommentRecord, DeskRepository, IssueCondition, IssueRecord, ProjectRecord } from '../../desk/ports.js';
import { inTransaction, type PostgresPool } from './database.js';

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
  labels: string[];
  components: string[];
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

// A correlated subquery rather than a join, so that the conditions' bare column names stay unambiguous.
const SELECT_ISSUES = `SELECT *, COALESCE((SELECT name FROM desk_projects WHERE desk_projects.key = desk_issues.project),
  desk_issues.project) AS project_name FROM desk_issues`;

export function createPostgresDeskRepository(pool: PostgresPool): DeskRepository {
  const issueWhere = async (clause: string, value: unknown): Promise<IssueRecord | undefined> => {
    const { rows } = await pool.query<IssueRow>(`${SELECT_ISSUES} WHERE ${clause}`, [value]);
    return rows[0] ? toIssue(rows[0]) : undefined;
  };

  return {
    async ensureProject(project) {
      await pool.query('INSERT INTO desk_projects (key, name) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
        project.key,
        project.name,
      ]);
    },
    async listProjects() {
      return (await pool.query<ProjectRecord>('SELECT key, name FROM desk_projects ORDER BY key')).rows;
    },
    insertIssue: (issue) =>
      inTransaction(pool, async (client) => {
        const { rows: counter } = await client.query<{ number: number }>(
          'UPDATE desk_projects SET next_number = next_number + 1 WHERE key = $1 RETURNING next_number - 1 AS number',
          [issue.project],
        );
        if (!counter[0]) throw new Error(`unknown project ${issue.project}`);
        const key = `${issue.project}-${counter[0].number}`;
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO desk_issues (key, project, summary, description, issue_type, status, priority, labels,
             components, reporter_name, reporter_email, assignee, created, updated)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13) RETURNING id`,
          [
            key,
            issue.project,
            issue.summary,
            issue.description,
            issue.issueType,
            issue.status,
            issue.priority,
            issue.labels,
            issue.components,
            issue.reporterName,
            issue.reporterEmail,
            issue.assignee,
            issue.created,
          ],
        );
        const { rows: inserted } = await client.query<IssueRow>(`${SELECT_ISSUES} WHERE id = $1`, [rows[0]?.id]);
        if (!inserted[0]) throw new Error('inserted issue not found');
        return toIssue(inserted[0]);
      }),
    findIssue: (keyOrId) =>
      /^\d+$/.test(keyOrId) ? issueWhere('id = $1', Number(keyOrId)) : issueWhere('lower(key) = lower($1)', keyOrId),
    async queryIssues(query) {
      const { where, params } = buildWhere(query.conditions ?? []);
      const { rows: count } = await pool.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM desk_issues ${where}`,
        params,
      );
      const order = query.orderBy ?? { field: 'key', direction: 'DESC' };
      const at = params.length;
      // LIMIT NULL is no limit.
      const sql = `${SELECT_ISSUES} ${where} ORDER BY ${orderColumn[order.field]} ${order.direction},
        id ${order.direction} LIMIT $${at + 1} OFFSET $${at + 2}`;
      const { rows } = await pool.query<IssueRow>(sql, [...params, query.limit ?? null, query.offset ?? 0]);
      return { issues: rows.map(toIssue), total: count[0]?.n ?? 0 };
    },
    async updateStatus(id, status, updated) {
      await pool.query('UPDATE desk_issues SET status = $1, updated = $2 WHERE id = $3', [status, updated, id]);
    },
    insertComment: (comment) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ id: number }>(
          `INSERT INTO desk_comments (issue_id, author_name, author_email, body, created)
           VALUES ($1, $2, $3, $4, $5) RETURNING id`,
          [comment.issueId, comment.authorName, comment.authorEmail, comment.body, comment.created],
        );
        await client.query('UPDATE desk_issues SET updated = $1 WHERE id = $2', [comment.created, comment.issueId]);
        return { ...comment, id: rows[0]?.id ?? 0 };
      }),
    async listComments(issueIds) {
      if (issueIds.length === 0) return [];
      const { rows } = await pool.query<CommentRow>(
        'SELECT * FROM desk_comments WHERE issue_id = ANY($1::int[]) ORDER BY id',
        [issueIds],
      );
      return rows.map(toComment);
    },
  };
}

/** Each condition's values travel as one lower-cased text array parameter. */
function buildWhere(conditions: IssueCondition[]): { where: string; params: string[][] } {
  const clauses: string[] = [];
  const params: string[][] = [];
  for (const c of conditions) {
    if (c.values.length === 0) {
      // "x in ()" matches nothing; "x not in ()" matches everything.
      if (!c.negate) clauses.push('false');
      continue;
    }
    params.push(c.values.map((v) => v.toLowerCase()));
    const values = `$${params.length}::text[]`;
    let clause: string;
    if (c.field === 'labels') {
      clause = `EXISTS (SELECT 1 FROM unnest(desk_issues.labels) AS label WHERE lower(label) = ANY(${values}))`;
    } else if (c.field === 'reporter') {
      // A reporter is found by display name, email, or username (the email's local part).
      const username = "split_part(reporter_email, '@', 1)";
      clause = `(lower(reporter_name) = ANY(${values}) OR lower(reporter_email) = ANY(${values})
        OR lower(${username}) = ANY(${values}))`;
    } else {
      clause = `lower(${columnByField[c.field]}) = ANY(${values})`;
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
    labels: row.labels,
    components: row.components,
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
