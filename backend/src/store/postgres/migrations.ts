/**
 * The Postgres schema, as numbered migrations. Each runs once, in its own transaction, and is
 * recorded in `schema_migrations`; a release adds migrations at the end and never edits one that
 * has shipped (a database that ran it would never see the change). A new migration only adds
 * (tables, nullable columns, indexes), so replicas of the previous release keep working while
 * the new one starts; one that cannot is named in the release notes (docs/operations.md). The LangGraph checkpoint
 * tables are not here: `PostgresSaver.setup()` keeps its own numbered migrations, run under the
 * same lock (see migrate.ts).
 */

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'conversations, sessions, messages, tickets, pending turns',
    sql: `
      CREATE TABLE conversations (
        id TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        user_email TEXT NOT NULL,
        language TEXT,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_name TEXT NOT NULL,
        user_email TEXT NOT NULL,
        conversation_id TEXT NOT NULL REFERENCES conversations (id),
        browser_id TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE messages (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL REFERENCES conversations (id),
        role TEXT NOT NULL CHECK (role IN ('user', 'assistant')),
        text TEXT NOT NULL,
        client_id TEXT,
        quick_replies JSONB,
        ticket JSONB,
        created_at TIMESTAMPTZ NOT NULL,
        UNIQUE (conversation_id, client_id)
      );
      CREATE INDEX messages_by_conversation ON messages (conversation_id, seq);
      CREATE TABLE conversation_tickets (
        key TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL REFERENCES conversations (id),
        url TEXT NOT NULL,
        summary TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX conversation_tickets_by_conversation ON conversation_tickets (conversation_id, created_at);
      CREATE TABLE pending_turns (
        seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        message_id TEXT NOT NULL UNIQUE,
        conversation_id TEXT NOT NULL,
        text TEXT NOT NULL,
        user_name TEXT NOT NULL,
        user_email TEXT NOT NULL,
        owner TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL
      );`,
  },
  {
    version: 2,
    name: 'escalation outbox',
    sql: `
      CREATE TABLE escalations (
        escalation_id TEXT PRIMARY KEY,
        conversation_id TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'created')),
        attempts INTEGER NOT NULL DEFAULT 0,
        ticket JSONB,
        draft JSONB,
        next_attempt_at BIGINT NOT NULL DEFAULT 0,
        error_kind TEXT,
        last_error TEXT,
        delivered BOOLEAN NOT NULL DEFAULT false,
        created_at TIMESTAMPTZ NOT NULL,
        updated_at TIMESTAMPTZ NOT NULL
      );
      CREATE INDEX escalations_due ON escalations (status, next_attempt_at);`,
  },
  {
    version: 3,
    name: 'jira webhook deliveries',
    sql: `
      CREATE TABLE jira_webhook_deliveries (
        delivery_id TEXT PRIMARY KEY,
        received_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE jira_webhook_events (
        event_key TEXT PRIMARY KEY,
        received_at TIMESTAMPTZ NOT NULL
      );
      CREATE TABLE jira_webhook_applied (
        issue_key TEXT NOT NULL,
        scope TEXT NOT NULL,
        applied_at BIGINT NOT NULL,
        PRIMARY KEY (issue_key, scope)
      );`,
  },
  {
    version: 4,
    name: 'local desk',
    // Timestamps stay the ISO 8601 text the desk writes: they are Jira fields, sorted as text.
    sql: `
      CREATE TABLE desk_projects (
        key TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        next_number INTEGER NOT NULL DEFAULT 1
      );
      CREATE TABLE desk_issues (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        project TEXT NOT NULL REFERENCES desk_projects (key),
        summary TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        issue_type TEXT NOT NULL,
        status TEXT NOT NULL,
        priority TEXT NOT NULL,
        labels TEXT[] NOT NULL DEFAULT '{}',
        components TEXT[] NOT NULL DEFAULT '{}',
        reporter_name TEXT NOT NULL,
        reporter_email TEXT,
        assignee TEXT,
        created TEXT NOT NULL,
        updated TEXT NOT NULL
      );
      CREATE INDEX desk_issues_key_ci ON desk_issues (lower(key));
      CREATE INDEX desk_issues_project ON desk_issues (project);
      CREATE TABLE desk_comments (
        id INTEGER GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        issue_id INTEGER NOT NULL REFERENCES desk_issues (id) ON DELETE CASCADE,
        author_name TEXT NOT NULL,
        author_email TEXT,
        body TEXT NOT NULL,
        created TEXT NOT NULL
      );
      CREATE INDEX desk_comments_issue ON desk_comments (issue_id);`,
  },
  {
    version: 5,
    name: 'shared settings',
    // What every replica must agree on and none may keep in its DATA_DIR (the desk token).
    sql: `
      CREATE TABLE settings (
        name TEXT PRIMARY KEY,
        value TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );`,
  },
];
