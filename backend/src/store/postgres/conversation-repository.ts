/**
 * Conversations, their messages, sessions and ticket references in Postgres: the same
 * `ConversationRepository` as the SQLite one (store/conversation-repository.ts), shared by every
 * replica. Only a digest of a session token is stored.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { NewMessage } from '../../chat/ports.js';
import type { ChatMessage, TicketRef } from '../../contract/index.js';
import type { Language } from '../../domain/index.js';
import type { ConversationRepository } from '../conversation-repository.js';
import type { PostgresPool, Queryable } from './database.js';

interface MessageRow {
  id: string;
  role: 'user' | 'assistant';
  text: string;
  created_at: Date;
  quick_replies: string[] | null;
  ticket: TicketRef | null;
}

const MESSAGE_COLUMNS = 'id, role, text, created_at, quick_replies, ticket';

const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

const toMessage = (row: MessageRow): ChatMessage => ({
  id: row.id,
  role: row.role,
  text: row.text,
  createdAt: row.created_at.toISOString(),
  ...(row.quick_replies?.length ? { quickReplies: row.quick_replies } : {}),
  ...(row.ticket ? { ticket: row.ticket } : {}),
});

const asLanguage = (value: string | null | undefined): Language | undefined =>
  value === 'en' || value === 'ja' ? value : undefined;

/** Stores a message (on the pool, or on a transaction's client); a known id is not stored again. */
export async function insertMessage(db: Queryable, message: NewMessage): Promise<ChatMessage> {
  const id = message.id ?? randomUUID();
  const createdAt = new Date();
  const quickReplies = message.quickReplies?.length ? JSON.stringify(message.quickReplies) : null;
  const ticket = message.ticket ? JSON.stringify(message.ticket) : null;
  await db.query(
    `INSERT INTO messages (id, conversation_id, role, text, client_id, quick_replies, ticket, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id) DO NOTHING`,
    [id, message.conversationId, message.role, message.text, message.clientId ?? null, quickReplies, ticket, createdAt],
  );
  return toMessage({
    id,
    role: message.role,
    text: message.text,
    created_at: createdAt,
    quick_replies: message.quickReplies ?? null,
    ticket: message.ticket ?? null,
  });
}

export function createPostgresConversationRepository(pool: PostgresPool): ConversationRepository {
  const one = async <T extends object>(sql: string, params: unknown[]): Promise<T | undefined> =>
    (await pool.query<T>(sql, params)).rows[0];

  return {
    async createConversation(user) {
      const id = randomUUID();
      await pool.query('INSERT INTO conversations (id, user_name, user_email, created_at) VALUES ($1, $2, $3, $4)', [
        id,
        user.name,
        user.email,
        new Date(),
      ]);
      return id;
    },
    async createSession(user, conversationId, browserId) {
      const token = randomUUID() + randomUUID().replaceAll('-', '');
      await pool.query(
        `INSERT INTO sessions (token_hash, user_name, user_email, conversation_id, browser_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [hashToken(token), user.name, user.email, conversationId, browserId, new Date()],
      );
      return token;
    },
    async findSession(sessionToken) {
      const row = await one<{ user_name: string; user_email: string; conversation_id: string; browser_id: string }>(
        'SELECT user_name, user_email, conversation_id, browser_id FROM sessions WHERE token_hash = $1',
        [hashToken(sessionToken)],
      );
      if (!row) return undefined;
      const user = { name: row.user_name, email: row.user_email };
      return { user, conversationId: row.conversation_id, browserId: row.browser_id };
    },
    async findByClientId(conversationId, clientId) {
      const row = await one<MessageRow>(
        `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 AND client_id = $2`,
        [conversationId, clientId],
      );
      return row ? toMessage(row) : undefined;
    },
    addMessage: (message) => insertMessage(pool, message),
    async listMessages(conversationId) {
      const sql = `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = $1 ORDER BY seq`;
      return (await pool.query<MessageRow>(sql, [conversationId])).rows.map(toMessage);
    },
    async countMessages(conversationId) {
      const row = await one<{ n: number }>('SELECT COUNT(*)::int AS n FROM messages WHERE conversation_id = $1', [
        conversationId,
      ]);
      return row?.n ?? 0;
    },
    async transcript(conversationId) {
      const sql = 'SELECT role, text, created_at FROM messages WHERE conversation_id = $1 ORDER BY seq';
      const { rows } = await pool.query<Pick<MessageRow, 'role' | 'text' | 'created_at'>>(sql, [conversationId]);
      return rows.map((row) => ({ role: row.role, text: row.text, at: row.created_at.toISOString() }));
    },
    async addTicket(conversationId, ticket) {
      await pool.query(
        `INSERT INTO conversation_tickets (key, conversation_id, url, summary, status, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO UPDATE SET status = EXCLUDED.status`,
        [ticket.key, conversationId, ticket.url, ticket.summary, ticket.status, new Date()],
      );
    },
    async listTickets(conversationId) {
      const sql = `SELECT key, url, summary, status FROM conversation_tickets WHERE conversation_id = $1
        ORDER BY created_at, key`;
      return (await pool.query<TicketRef>(sql, [conversationId])).rows.map((row) => ({ ...row }));
    },
    async findTicket(key) {
      const row = await one<TicketRef & { conversation_id: string; language: string | null }>(
        `SELECT t.key, t.url, t.summary, t.status, t.conversation_id, c.language
         FROM conversation_tickets t JOIN conversations c ON c.id = t.conversation_id WHERE t.key = $1`,
        [key],
      );
      if (!row) return undefined;
      const { conversation_id: conversationId, language: stored, ...ticket } = row;
      const language = asLanguage(stored);
      return { conversationId, ticket, ...(language ? { language } : {}) };
    },
    async setLanguage(conversationId, language) {
      await pool.query('UPDATE conversations SET language = $1 WHERE id = $2', [language, conversationId]);
    },
    async getLanguage(conversationId) {
      return asLanguage(
        (await one<{ language: string | null }>('SELECT language FROM conversations WHERE id = $1', [conversationId]))
          ?.language,
      );
    },
    async updateTicketStatus(key, status) {
      await pool.query('UPDATE conversation_tickets SET status = $1 WHERE key = $2', [status, key]);
    },
    async ping() {
      await pool.query('SELECT 1');
    },
  };
}
