/**
 * The SupportAgent port on a LangGraph graph checkpointed in SQLite, one thread per
 * conversation. A turn either answers a pending offer (`Command({ resume })`) or starts a new
 * run; invoking a new input on a thread that waits in `interrupt()` would silently drop the
 * pending question, so the pending state is checked first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command } from '@langchain/langgraph';
import { SqliteSaver } from '@langchain/langgraph-checkpoint-sqlite';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/ports.js';
import { toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { JiraTickets } from '../tickets/ports.js';
import { buildSupportGraph } from './graph.js';
import type { AgentReply, AgentTurn, ReplyOptions, SupportAgent } from './ports.js';
import { chunkText } from './stream-chunks.js';

export interface SupportAgentDeps {
  checkpointFile: string;
  tickets: JiraTickets;
  knowledge: KnowledgeBase;
  logger: Logger;
  now?: () => Date;
}

const promptSchema = z.object({ text: z.string(), quickReplies: z.array(z.string()).optional() });

export async function createSupportAgent(deps: SupportAgentDeps): Promise<SupportAgent> {
  if (deps.checkpointFile !== ':memory:') fs.mkdirSync(path.dirname(deps.checkpointFile), { recursive: true });
  const checkpointer = SqliteSaver.fromConnString(deps.checkpointFile);
  const graph = buildSupportGraph({
    tickets: deps.tickets,
    knowledge: deps.knowledge,
    logger: deps.logger,
    now: deps.now ?? (() => new Date()),
  }).compile({ checkpointer });

  async function run(turn: AgentTurn, signal: AbortSignal | undefined): Promise<AgentReply> {
    const config = { configurable: { thread_id: turn.conversationId }, ...(signal ? { signal } : {}) };
    const before = await graph.getState(config);
    const isPending = before.tasks.some((task) => task.interrupts.length > 0);
    await graph.invoke(
      isPending
        ? new Command({ resume: turn.text })
        : { input: turn.text, user: turn.user, conversationId: turn.conversationId },
      config,
    );

    const after = await graph.getState(config);
    const pending = after.tasks.flatMap((task) => task.interrupts)[0];
    if (pending) {
      const prompt = promptSchema.parse(pending.value);
      return { text: prompt.text, ...(prompt.quickReplies ? { quickReplies: prompt.quickReplies } : {}) };
    }
    const reply = after.values.reply;
    if (!reply) throw new Error('the graph finished without a reply');
    return reply;
  }

  return {
    async reply(turn: AgentTurn, options: ReplyOptions = {}): Promise<AgentReply> {
      let reply: AgentReply;
      try {
        reply = await run(turn, options.signal);
      } catch (error) {
        deps.logger.error('agent turn failed', { conversationId: turn.conversationId, error });
        throw toAppError(error, 'internal:agent');
      }
      if (options.onToken) for (const chunk of chunkText(reply.text)) options.onToken(chunk);
      return reply;
    },
    async close() {
      checkpointer.db.close();
    },
  };
}
