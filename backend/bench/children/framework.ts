/**
 * What a turn costs before the sockets, the stores and MCP: CPU per call, in this process, of an
 * empty one-node LangGraph graph (no checkpointer, then the SQLite one), and of the product's agent
 * alone (offline engine, its SQLite checkpoints, in-memory tickets and transcripts) over whole
 * escalations. Each after a warm-up. Prints one JSON line (`FrameworkResult`) and exits.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Annotation, END, START, StateGraph, type BaseCheckpointSaver } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { sqliteCheckpoints } from '../../src/agent/checkpoint-storage.js';
import { createSupportAgent } from '../../src/agent/create-support-agent.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createFakeTickets } from '../../test/agent/fake-tickets.js';
import { recordedTranscripts } from '../../test/agent/recorded-transcripts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-framework-'));

/** Mean CPU milliseconds per call of `call(i)`, after `warmup` calls. */
async function cpuPerCall(count: number, warmup: number, call: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < warmup; i++) await call(-1 - i);
  const start = process.cpuUsage();
  for (let i = 0; i < count; i++) await call(i);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / count;
}

const State = Annotation.Root({ input: Annotation<string>(), reply: Annotation<string>() });

async function emptyGraph(checkpointer?: BaseCheckpointSaver): Promise<number> {
  const graph = new StateGraph(State)
    .addNode('only', (state) => ({ reply: state.input }))
    .addEdge(START, 'only')
    .addEdge('only', END)
    .compile(checkpointer ? { checkpointer } : {});
  // The run options the product's turns use: one checkpoint at the end, the same stream modes.
  return cpuPerCall(2000, 300, async (i) => {
    const config = { configurable: { thread_id: `t${i % 200}` }, durability: 'exit' as const };
    for await (const chunk of await graph.stream({ input: 'x' }, { ...config, streamMode: ['updates', 'values'] }))
      void chunk;
  });
}

async function agentAlone(): Promise<number> {
  const transcripts = recordedTranscripts();
  const bare = await createSupportAgent({
    checkpoints: sqliteCheckpoints(path.join(dir, 'agent.sqlite')),
    transcripts,
    tickets: createFakeTickets(),
    knowledge: await createKnowledgeBase({ dir: path.join(here, '..', '..', 'knowledge', 'playbooks') }),
    logger: silentLogger,
  });
  const agent = transcripts.around(bare);
  const user = { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };
  const script = [
    'Teams shows a white screen when I start it',
    'still not working',
    'still broken',
    'create a ticket',
    'yes',
  ];
  const perEscalation = await cpuPerCall(200, 40, async (i) => {
    for (const text of script) {
      const turn = { conversationId: `c${i}`, messageId: crypto.randomUUID(), text, user, owner: user.email };
      await agent.reply(turn);
    }
  });
  await bare.close();
  return perEscalation / script.length;
}

const result = {
  emptyGraphMs: await emptyGraph(),
  emptyGraphSqliteMs: await emptyGraph(SqliteSaver.fromConnString(path.join(dir, 'empty.sqlite'))),
  agentTurnMs: await agentAlone(),
};
fs.rmSync(dir, { recursive: true, force: true });
process.stdout.write(`${JSON.stringify(result)}\n`);
