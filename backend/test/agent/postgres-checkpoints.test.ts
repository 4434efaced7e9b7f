/**
 * The agent on Postgres checkpoints (`DATABASE_URL`): storage stays bounded as it does on SQLite
 * (two checkpoints per conversation, and no channel blob that no kept checkpoint uses), and a
 * pending offer survives the agent being closed and re-created on the same database.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresCheckpoints } from '../../src/agent/checkpoint-storage.js';
import { createSupportAgent } from '../../src/agent/create-support-agent.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/postgres-stores.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { user } from './agent-harness.js';
import { createFakeTickets } from './fake-tickets.js';
import { recordedTranscripts } from './recorded-transcripts.js';

describe('Postgres checkpoints', () => {
  let cluster: PostgresCluster;
  let stores: PostgresStores;
  let knowledge: KnowledgeBase;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    stores = openPostgresStores(await cluster.createDatabase('checkpoints'), silentLogger);
    await stores.migrate(() => postgresCheckpoints(stores.pool).setup());
    knowledge = await createKnowledgeBase({ dir: path.resolve(import.meta.dirname, '../../knowledge/playbooks') });
  });
  afterAll(async () => {
    await stores?.close();
    await cluster?.stop();
  });

  const agentOn = async (transcripts = recordedTranscripts(), tickets = createFakeTickets()) => {
    const bare = await createSupportAgent({
      checkpoints: postgresCheckpoints(stores.pool),
      transcripts,
      tickets,
      knowledge,
      logger: silentLogger,
    });
    return { agent: transcripts.around(bare), transcripts, tickets };
  };

  const rows = async (threadId: string) => {
    const count = async (table: string) =>
      (
        await stores.pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table} WHERE thread_id = $1`, [
          threadId,
        ])
      ).rows[0]?.n ?? 0;
    return {
      checkpoints: await count('checkpoints'),
      writes: await count('checkpoint_writes'),
      blobs: await count('checkpoint_blobs'),
    };
  };

  it('keeps two checkpoints per conversation, and only the blobs they use, however long it gets', async () => {
    const { agent } = await agentOn();
    const lines = ['my printer shows paper jam but nothing is stuck', 'still not working', 'no thanks', 'hmm ok'];
    const counts: Awaited<ReturnType<typeof rows>>[] = [];
    for (let i = 0; i < 30; i++) {
      const text = lines[i % lines.length] ?? 'still not working';
      await agent.reply({ conversationId: 'pg-long', messageId: crypto.randomUUID(), text, user, owner: user.email });
      if (i % 10 === 9) counts.push(await rows('pg-long'));
    }
    await agent.close();
    for (const count of counts) expect(count.checkpoints).toBe(2);
    expect(counts.at(-1)!.blobs).toBeLessThanOrEqual(counts[0]!.blobs + 5);
    expect(counts.at(-1)!.writes).toBeLessThanOrEqual(counts[0]!.writes + 5);
  });

  it('continues at a pending offer after the agent is closed and re-created on the same database', async () => {
    const first = await agentOn();
    const turn = (text: string) => ({
      conversationId: 'pg-offer',
      messageId: crypto.randomUUID(),
      text,
      user,
      owner: user.email,
    });
    let reply = await first.agent.reply(turn('Outlook cannot send email'));
    for (let i = 0; i < 8 && !reply.quickReplies?.some((q) => /^yes/i.test(q)); i++) {
      reply = await first.agent.reply(turn('still not working'));
    }
    expect(reply.quickReplies?.some((q) => /^yes/i.test(q))).toBe(true);
    await first.agent.close();

    const second = await agentOn(first.transcripts);
    const answer = await second.agent.reply(turn('yes please create a ticket'));
    expect(answer.ticket?.key).toBeDefined();
    expect(second.tickets.calls).toHaveLength(1);
  });
});
