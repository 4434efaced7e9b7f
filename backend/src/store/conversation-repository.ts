/**
 * Conversations, their messages, sessions and ticket references, in SQLite. This is the history a
 * widget gets back in `session`; the agent's own working state lives in the LangGraph checkpoint.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { TranscriptSource } from '../agent/ports.js';
import type { ChatMessage, TicketRef } from '../contract/index.js';
import type { Language } from '../domain/index.js';
import type { ConversationStore, NewMessage } from '../chat/ports.js';
import type { TicketConversations } from '../jira-events/ports.js';
import type { SqliteDatabase } from './sqlite.js';

/**
 * The conversation store the chat and the Jira event processor use, the agent's transcript, and
 * a health probe.
 */
export interface ConversationRepository extends ConversationStore, TicketConversations, TranscriptSource {
  ping(): Promise<void>;
}

/** The SQLite repository also stores a message synchronously, inside the turn journal's transaction. */
export interface SqliteConversationRepository extends ConversationRepository {
  addMessageNow(message: NewMessage): ChatMessage;
}

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  created_at: string;
  quick_replies: string | null;
  ticket: string | null;
}

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const toMessage = (row: MessageRow): ChatMessage => ({
  id: row.id,
  role: row.role,
  text: row.text,
  createdAt: row.created_at,
  ...(row.quick_replies ? { quickReplies: JSON.parse(row.quick_replies) as string[] } : {}),
  ...(row.ticket ? { ticket: JSON.parse(row.ticket) as TicketRef } : {}),
});

function createSchema(db: SqliteDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS conversations (
      id TEXT PRIMARY KEY,
      user_name TEXT NOT NULL,
      user_email TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS sessions (
      token_hash TEXT PRIMARY KEY,
      user_name TEXT NOT NULL,
      user_email TEXT NOT NULL,
      conversation_id TEXT NOT NULL REFERENCES conversations(id),
      created_at TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS messages (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE,
      conversation_id TEXT NOT NULL REFERENCES conversations(id),
      role TEXT NOT NULL,
      text TEXT NOT NULL,
      client_id TEXT,
      quick_replies TEXT,
      ticket TEXT,
      created_at TEXT NOT NULL,
      UNIQUE (conversation_id, client_id)
    );
    CREATE TABLE IF NOT EXISTS conversation_tickets (
      key TEXT PRIMARY KEY,
      conversation_id TEXT NOT NULL REFERENCES conversations(id),
      url TEXT NOT NULL,
      summary TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS messages_by_conversation ON messages(conversation_id, seq);
  `);
  // Added after the first release: a database made before it gets the column on start.
  const columns = db.prepare<[], { name: string }>('PRAGMA table_info(conversations)').all();
  if (!columns.some((c) => c.name === 'language')) db.exec('ALTER TABLE conversations ADD COLUMN language TEXT');
  const sessionColumns = db.prepare<[], { name: string }>('PRAGMA table_info(sessions)').all();
  if (!sessionColumns.some((c) => c.name === 'browser_id')) db.exec('ALTER TABLE sessions ADD COLUMN browser_id TEXT');
}

function prepareStatements(db: SqliteDatabase) {
  const insertConversation = db.prepare(
    'INSERT INTO conversations (id, user_name, user_email, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertSession = db.prepare(
    `INSERT INTO sessions (token_hash, user_name, user_email, conversation_id, browser_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const selectSession = db.prepare<
    [string],
    { user_name: string; user_email: string; conversation_id: string; browser_id: string | null }
  >('SELECT user_name, user_email, conversation_id, browser_id FROM sessions WHERE token_hash = ?');
  const insertMessage = db.prepare(
    `INSERT INTO messages (id, conversation_id, role, text, client_id, quick_replies, ticket, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const selectByClientId = db.prepare<[string, string], MessageRow>(
    'SELECT id, role, text, created_at, quick_replies, ticket FROM messages WHERE conversation_id = ? AND client_id = ?',
  );
  const countMessages = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM messages WHERE conversation_id = ?',
  );
  const selectMessages = db.prepare<[string], MessageRow>(
    'SELECT id, role, text, created_at, quick_replies, ticket FROM messages WHERE conversation_id = ? ORDER BY seq',
  );
  const insertTicket = db.prepare(
    `INSERT INTO conversation_tickets (key, conversation_id, url, summary, status, created_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(key) DO UPDATE SET status = excluded.status`,
  );
  const selectTickets = db.prepare<[string], TicketRef>(
    'SELECT key, url, summary, status FROM conversation_tickets WHERE conversation_id = ? ORDER BY created_at',
  );
  const selectTicket = db.prepare<[string], TicketRef & { conversation_id: string }>(
    'SELECT key, url, summary, status, conversation_id FROM conversation_tickets WHERE key = ?',
  );
  const updateStatus = db.prepare('UPDATE conversation_tickets SET status = ? WHERE key = ?');
  const updateLanguage = db.prepare('UPDATE conversations SET language = ? WHERE id = ?');
  const selectLanguage = db.prepare<[string], { language: string | null }>(
    'SELECT language FROM conversations WHERE id = ?',
  );
  return {
    countMessages,
    updateLanguage,
    selectLanguage,
    insertConversation,
    insertSession,
    selectSession,
    insertMessage,
    selectByClientId,
    selectMessages,
    insertTicket,
    selectTickets,
    selectTicket,
    updateStatus,
  };
}

export function createConversationRepository(db: SqliteDatabase): SqliteConversationRepository {
  createSchema(db);
  const {
    countMessages,
    insertConversation,
    insertSession,
    selectSession,
    insertMessage,
    selectByClientId,
    selectMessages,
    insertTicket,
    selectTickets,
    selectTicket,
    updateStatus,
    updateLanguage,
    selectLanguage,
  } = prepareStatements(db);
  const selectTranscript = db.prepare<[string], { role: 'user' | 'assistant'; text: string; at: string }>(
    'SELECT role, text, created_at AS at FROM messages WHERE conversation_id = ? ORDER BY seq',
  );
  const languageOf = (conversationId: string): Language | undefined => {
    const stored = selectLanguage.get(conversationId)?.language;
    return stored === 'en' || stored === 'ja' ? stored : undefined;
  };

  const addMessageNow = (message: NewMessage): ChatMessage => {
    const id = message.id ?? randomUUID();
    const createdAt = new Date().toISOString();
    const quickReplies = message.quickReplies?.length ? JSON.stringify(message.quickReplies) : null;
    const ticket = message.ticket ? JSON.stringify(message.ticket) : null;
    const { conversationId, role, text } = message;
    insertMessage.run(id, conversationId, role, text, message.clientId ?? null, quickReplies, ticket, createdAt);
    return toMessage({ id, role, text, created_at: createdAt, quick_replies: quickReplies, ticket });
  };

  // better-sqlite3 answers synchronously; the ports are asynchronous for Postgres.
  return {
    async createConversation(user) {
      const id = randomUUID();
      insertConversation.run(id, user.name, user.email, new Date().toISOString());
      return id;
    },
    async createSession(user, conversationId, browserId) {
      const token = randomUUID() + randomUUID().replaceAll('-', '');
      const now = new Date().toISOString();
      insertSession.run(hashToken(token), user.name, user.email, conversationId, browserId, now);
      return token;
    },
    async findSession(sessionToken) {
      const row = selectSession.get(hashToken(sessionToken));
      if (!row) return undefined;
      return {
        user: { name: row.user_name, email: row.user_email },
        conversationId: row.conversation_id,
        // Sessions from before browser ids: their own conversation is their scope.
        browserId: row.browser_id ?? row.conversation_id,
      };
    },
    async findByClientId(conversationId, clientId) {
      const row = selectByClientId.get(conversationId, clientId);
      return row ? toMessage(row) : undefined;
    },
    addMessageNow,
    addMessage: async (message) => addMessageNow(message),
    countMessages: async (conversationId) => countMessages.get(conversationId)?.n ?? 0,
    async listMessages(conversationId) {
      return selectMessages.all(conversationId).map(toMessage);
    },
    async transcript(conversationId) {
      return selectTranscript.all(conversationId);
    },
    async addTicket(conversationId, ticket) {
      insertTicket.run(ticket.key, conversationId, ticket.url, ticket.summary, ticket.status, new Date().toISOString());
    },
    async listTickets(conversationId) {
      return selectTickets.all(conversationId);
    },
    async findTicket(key) {
      const row = selectTicket.get(key);
      if (!row) return undefined;
      const { conversation_id: conversationId, ...ticket } = row;
      const language = languageOf(conversationId);
      return { conversationId, ticket, ...(language ? { language } : {}) };
    },
    async setLanguage(conversationId, language) {
      updateLanguage.run(language, conversationId);
    },
    getLanguage: async (conversationId) => languageOf(conversationId),
    async updateTicketStatus(key, status) {
      updateStatus.run(status, key);
    },
    async ping() {
      db.prepare('SELECT 1').get();
    },
  };
}
