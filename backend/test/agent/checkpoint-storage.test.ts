/**
 * Bounded storage (issue 10): the agent keeps only the newest two checkpoints per conversation,
 * and a checkpoint holds the case file, not the transcript, so it does not grow with the
 * conversation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSupportAgent } from '../../src/agent/create-support-agent.js';
import { sqliteCheckpoints } from '../../src/agent/checkpoint-storage.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/shared/logger.js';
import { user } from './agent-harness.js';
import { createFakeTickets } from './fake-tickets.js';
import { recordedTranscripts } from './recorded-transcripts.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('checkpoint storage', () => {
  it('keeps two checkpoints per conversation however long it gets', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'checkpoint-storage-'));
    dirs.push(dir);
    const file = path.join(dir, 'checkpoints.sqlite');
    const knowledge = await createKnowledgeBase({
      dir: path.resolve(import.meta.dirname, '../../knowledge/playbooks'),
    });
    const transcripts = recordedTranscripts();
    const bare = await createSupportAgent({
      checkpoints: sqliteCheckpoints(file),
      transcripts,
      tickets: createFakeTickets(),
      knowledge,
      logger: silentLogger,
    });
    const agent = transcripts.around(bare);
    const lines = [
      'my printer shows paper jam but nothing is stuck',
      'still not working',
      'no thanks',
      'hmm ok',
      'still the same',
    ];
    const rows = () => {
      const db = new Database(file, { readonly: true });
      try {
        const count = (table: string) =>
          (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE thread_id = 'conv-long'`).get() as { n: number }).n;
        const bytes = db
          .prepare(
            `SELECT length(checkpoint) AS n FROM checkpoints WHERE thread_id = 'conv-long'
             ORDER BY checkpoint_id DESC LIMIT 1`,
          )
          .get() as { n: number };
        return { checkpoints: count('checkpoints'), writes: count('writes'), newestBytes: bytes.n };
      } finally {
        db.close();
      }
    };
    const counts: { checkpoints: number; writes: number; newestBytes: number }[] = [];
    for (let i = 0; i < 40; i++) {
      const text = lines[i % lines.length] ?? 'still not working';
      await agent.reply({ conversationId: 'conv-long', messageId: crypto.randomUUID(), text, user, owner: user.email });
      if (i % 10 === 9) counts.push(rows());
    }
    await agent.close?.();
    for (const count of counts) expect(count.checkpoints).toBe(2);
    // Writes belong to the kept checkpoints only, so they do not grow with the conversation either.
    expect(counts.at(-1)!.writes).toBeLessThanOrEqual(counts[0]!.writes + 5);
    // The transcript is read from the conversation's messages, not written into checkpoints: a
    // checkpoint after 40 turns is about as big as one after 10 (it held all 80 messages before).
    expect(counts.at(-1)!.newestBytes).toBeLessThan(counts[0]!.newestBytes * 1.3);
  });
});
