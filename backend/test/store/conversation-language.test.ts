import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/sqlite.js';
import { createConversationRepository } from '../../src/store/conversation-repository.js';

const user = { name: 'Aiko Tanaka', email: 'aiko@example.com' };

describe('the language stored with a conversation', () => {
  it('adds the column to a database made before it existed, keeping the rows', async () => {
    const db = openDatabase(':memory:');
    db.exec(`CREATE TABLE conversations (id TEXT PRIMARY KEY, user_name TEXT NOT NULL,
      user_email TEXT NOT NULL, created_at TEXT NOT NULL)`);
    db.prepare('INSERT INTO conversations VALUES (?, ?, ?, ?)').run('old', 'A', 'a@example.com', 'then');
    const repo = createConversationRepository(db);
    expect(await repo.getLanguage('old')).toBeUndefined();
    await repo.setLanguage('old', 'ja');
    expect(await repo.getLanguage('old')).toBe('ja');
    // A second start finds the column and leaves it alone.
    expect(await createConversationRepository(db).getLanguage('old')).toBe('ja');
  });

  it('hands the language to whoever finds the conversation by a ticket key', async () => {
    const repo = createConversationRepository(openDatabase(':memory:'));
    const id = await repo.createConversation(user);
    await repo.addTicket(id, { key: 'IT-7', url: 'https://desk/browse/IT-7', summary: 's', status: 'To Do' });
    expect(await repo.findTicket('IT-7')).not.toHaveProperty('language');
    await repo.setLanguage(id, 'ja');
    expect(await repo.findTicket('IT-7')).toMatchObject({ conversationId: id, language: 'ja' });
  });
});
