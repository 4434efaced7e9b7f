/**
 * A turn a replica accepted and then died with is run by another replica on its next two looks
 * (`adoptStrandedTurns`), once; a replica never adopts its own running turns. Two chat services on
 * one journal stand for the replicas; their conversation lock is a shared in-memory one (the
 * Postgres lock itself is exercised by the replica suites).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createChatService } from '../../src/chat/chat-service.js';
import { replyIdOf, type ConversationLocks, type SupportAgent } from '../../src/chat/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { createConversationRepository } from '../../src/store/conversation-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';
import { createTurnJournal } from '../../src/store/turn-journal.js';
import { heldAgent, scriptedAgent } from './scripted-agent.js';

function sharedLocks(): ConversationLocks {
  const tails = new Map<string, Promise<unknown>>();
  return {
    withLock(conversationId, task) {
      const run = (tails.get(conversationId) ?? Promise.resolve()).then(task, task);
      tails.set(
        conversationId,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}

let db: SqliteDatabase | undefined;
afterEach(() => db?.close());

function replicas() {
  db = openDatabase(':memory:');
  const conversations = createConversationRepository(db);
  const turns = createTurnJournal(db, conversations);
  const locks = sharedLocks();
  const replica = (agent: SupportAgent) =>
    createChatService({
      conversations,
      turns,
      locks,
      agent,
      publish: () => undefined,
      auth: { mode: 'open' },
      logger: silentLogger,
      metrics: createMetrics(),
    });
  return { conversations, turns, replica };
}

describe('turns a dead replica left pending', () => {
  it('are run once by another replica, on its second look', async () => {
    const { conversations, turns, replica } = replicas();
    const b = replica(scriptedAgent(async (turn) => `re: ${turn.text}`));
    const session = await b.openSession({ user: { name: 'Aiko Tanaka', email: 'aiko@example.com' } });
    // Replica A stored the message and its pending turn, acknowledged it, and died.
    const user = { name: 'Aiko Tanaka', email: 'aiko@example.com' };
    const message = await turns.accept(
      { conversationId: session.conversationId, role: 'user', text: 'VPN drops every hour' },
      { user, owner: user.email },
    );

    expect(await b.adoptStrandedTurns()).toBe(0);
    expect(await b.adoptStrandedTurns()).toBe(1);
    await b.drain();
    expect(await b.adoptStrandedTurns()).toBe(0);
    const stored = await conversations.listMessages(session.conversationId);
    expect(stored.map((m) => [m.id, m.text])).toEqual([
      [message.id, 'VPN drops every hour'],
      [replyIdOf(message.id), 're: VPN drops every hour'],
    ]);
    expect(await turns.pending()).toEqual([]);
  });

  it("are never this replica's own turns, however long they run", async () => {
    const { turns, replica } = replicas();
    const slow = heldAgent();
    const a = replica(slow);
    const session = await a.openSession({ user: { name: 'Ben Okafor', email: 'ben@example.com' } });
    await a.send(session, { text: 'Outlook keeps asking for my password' });
    for (let look = 0; look < 3; look++) expect(await a.adoptStrandedTurns()).toBe(0);
    slow.give('Try this.');
    await a.drain();
    expect(slow.seen).toEqual(['Outlook keeps asking for my password']);
    expect(await turns.pending()).toEqual([]);
  });

  it('run once when the owner was only slow: whoever holds the lock second finds the turn done', async () => {
    const { conversations, replica } = replicas();
    const ownerAgent = heldAgent();
    const owner = replica(ownerAgent);
    const otherAgent = scriptedAgent(async (turn) => `other: ${turn.text}`);
    const other = replica(otherAgent);
    const session = await owner.openSession({ user: { name: 'Chen Wei', email: 'chen@example.com' } });
    await owner.send(session, { text: 'The printer on floor 3 jams' });
    await other.adoptStrandedTurns();
    expect(await other.adoptStrandedTurns()).toBe(1);
    ownerAgent.give('owner: try this');
    await Promise.all([owner.drain(), other.drain()]);
    expect([...ownerAgent.seen, ...otherAgent.seen]).toEqual(['The printer on floor 3 jams']);
    const replies = (await conversations.listMessages(session.conversationId)).filter((m) => m.role === 'assistant');
    expect(replies.map((m) => m.text)).toEqual(['owner: try this']);
  });
});
