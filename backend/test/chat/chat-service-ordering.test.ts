/**
 * The chat's ordering promises now that the stores answer asynchronously: a message and its
 * pending turn are stored before `send` resolves (so before the ack), two sends cannot both pass
 * the resend check, and turns run in the order their messages were stored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createChatService } from '../../src/chat/chat-service.js';
import type { SupportAgent, TurnJournal } from '../../src/chat/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';
import { createTurnJournal } from '../../src/store/turn-journal.js';
import { scriptedAgent } from './scripted-agent.js';

describe('chat ordering over asynchronous stores', () => {
  let db: SqliteDatabase | undefined;
  afterEach(() => db?.close());

  async function setup(agent: SupportAgent, wrapTurns: (turns: TurnJournal) => TurnJournal = (t) => t) {
    db = openDatabase(':memory:');
    const conversations = createConversationRepository(db);
    const turns = wrapTurns(createTurnJournal(db, conversations));
    const chat = createChatService({
      conversations,
      turns,
      agent,
      publish: () => undefined,
      auth: { mode: 'open' },
      logger: silentLogger,
      metrics: createMetrics(),
    });
    const session = await chat.openSession({ user: { name: 'Aiko Tanaka', email: 'aiko@example.com' } });
    return { chat, conversations, turns, session };
  }

  it('has the message and its pending turn stored when send resolves', async () => {
    const { chat, turns, session } = await setup(scriptedAgent(() => new Promise<string>(() => undefined)));
    const message = await chat.send(session, { text: 'VPN drops every hour' });
    expect((await turns.pending()).map((t) => t.messageId)).toEqual([message.id]);
  });

  it('stores one message when the same clientId is sent twice at once', async () => {
    const agent = scriptedAgent(async () => 'Try this.');
    const { chat, conversations, session } = await setup(agent);
    const [first, second] = await Promise.all([
      chat.send(session, { text: 'Outlook is slow', clientId: 'c-1' }),
      chat.send(session, { text: 'Outlook is slow', clientId: 'c-1' }),
    ]);
    await chat.drain();
    expect(second.id).toBe(first.id);
    const stored = await conversations.listMessages(session.conversationId);
    expect(stored.filter((m) => m.role === 'user')).toHaveLength(1);
    expect(agent.seen).toEqual(['Outlook is slow']);
  });

  it('runs the turns in the order their messages were stored', async () => {
    const agent = scriptedAgent(async (turn) => `re: ${turn.text}`);
    const { chat, conversations, session } = await setup(agent);
    const sent = await Promise.all(['one', 'two', 'three'].map((text) => chat.send(session, { text })));
    await chat.drain();
    expect(agent.seen).toEqual(['one', 'two', 'three']);
    const stored = await conversations.listMessages(session.conversationId);
    expect(stored.filter((m) => m.role === 'user').map((m) => m.text)).toEqual(['one', 'two', 'three']);
    expect(stored.filter((m) => m.role === 'assistant').map((m) => m.text)).toEqual([
      're: one',
      're: two',
      're: three',
    ]);
    expect(sent.map((m) => m.text)).toEqual(['one', 'two', 'three']);
  });

  it('answers with the stored copy when another replica stored the same clientId first', async () => {
    const agent = scriptedAgent(async () => 'Try this.');
    // The other replica's insert lands between this one's resend check and its own insert.
    let isRaced = false;
    const { chat, conversations, session } = await setup(agent, (turns) => ({
      ...turns,
      async accept(message, turn) {
        if (!isRaced && message.clientId) {
          isRaced = true;
          await turns.accept(message, turn);
        }
        return turns.accept(message, turn);
      },
    }));
    const sent = await chat.send(session, { text: 'Outlook is slow', clientId: 'c-2' });
    await chat.drain();
    const users = (await conversations.listMessages(session.conversationId)).filter((m) => m.role === 'user');
    expect(users.map((m) => m.id)).toEqual([sent.id]);
    expect(sent.text).toBe('Outlook is slow');
  });
});
