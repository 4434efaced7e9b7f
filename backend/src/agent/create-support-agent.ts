/**
 * The SupportAgent port on a LangGraph graph checkpointed in SQLite or Postgres, one thread per
 * conversation. A turn either answers a pending offer (`Command({ resume })`) or starts a new
 * run; invoking a new input on a thread that waits in `interrupt()` would silently drop the
 * pending question, so the pending state is checked first.
 *
 * Streaming: with a model, the troubleshooting node's tokens are forwarded to `onToken` as they
 * arrive (graph `messages` stream mode). Nothing else is streamed: offline text, offers and the
 * rest after a fallback arrive whole in the final message (one frame instead of ~100). The nodes
 * keep streamed text as a prefix of their reply.
 */
import { AIMessageChunk } from '@langchain/core/messages';
import { Command } from '@langchain/langgraph';
import { z } from 'zod';
import type { KnowledgeBase } from '../knowledge/ports.js';
import { toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { JiraTickets } from '../tickets/ports.js';
import type { CheckpointStorage } from './checkpoint-storage.js';
import { buildSupportGraph } from './graph.js';
import type { Contacts } from './kind-messages.js';
import { createLlmClient, type LlmSettings } from './llm/model.js';
import { messagesFor } from './messages.js';
import { STREAMING_NODE } from './nodes/llm-troubleshoot.js';
import { routingOnSubstance } from './routing-knowledge.js';
import type { AgentReply, AgentTurn, ReplyOptions, SupportAgent } from '../chat/ports.js';
import type { TranscriptSource } from './ports.js';
import type { SupportStateValue } from './state.js';
import { TranscriptOutsideCheckpoints } from './transcript-checkpoints.js';

export interface SupportAgentDeps {
  /** SQLite (`sqliteCheckpoints`) or Postgres (`postgresCheckpoints`); the agent closes it. */
  checkpoints: CheckpointStorage;
  /** The conversation's stored messages: the transcript is read from there, not checkpointed. */
  transcripts: TranscriptSource;
  tickets: JiraTickets;
  knowledge: KnowledgeBase;
  logger: Logger;
  now?: () => Date;
  /** An OpenAI-compatible model; without it the offline engine runs. */
  llm?: LlmSettings;
  /** How long an offer waits for the employee's open tickets (default 5 s). */
  openTicketLookupMs?: number;
  /** Where problems that are not IT's go; unset means general words ("your facilities team"). */
  contacts?: Contacts;
}

const promptSchema = z.object({ text: z.string(), quickReplies: z.array(z.string()).optional() });

type StreamMode = 'messages' | 'updates' | 'values';
const STREAM_WITH_MODEL: StreamMode[] = ['messages', 'updates', 'values'];
const STREAM_OFFLINE: StreamMode[] = ['updates', 'values'];

/** The questions a step left waiting (`interrupt()`), from an `updates` chunk. */
function interruptsIn(update: unknown): { value?: unknown }[] {
  if (typeof update !== 'object' || update === null || !('__interrupt__' in update)) return [];
  const found = update.__interrupt__;
  return Array.isArray(found) ? (found as { value?: unknown }[]) : [];
}

/** A model token of the troubleshooting node, from a `messages` chunk. */
function forwardToken(payload: unknown, onModelToken: (delta: string) => void): void {
  const [message, metadata] = payload as [unknown, { langgraph_node?: string }];
  if (metadata.langgraph_node !== STREAMING_NODE || !AIMessageChunk.isInstance(message)) return;
  if (typeof message.content === 'string' && message.content !== '') onModelToken(message.content);
}

/** What a finished turn said: the pending question, or the last node's reply. */
function replyFrom(state: { values: SupportStateValue; interrupts: readonly { value?: unknown }[] }): AgentReply {
  // The chat stores the language with the conversation, for Jira updates and fallbacks.
  const language = state.values.language;
  const pending = state.interrupts[0];
  if (pending) {
    const prompt = promptSchema.parse(pending.value);
    return { text: prompt.text, ...(prompt.quickReplies ? { quickReplies: prompt.quickReplies } : {}), language };
  }
  const reply = state.values.reply;
  if (!reply) throw new Error('the graph finished without a reply');
  return { ...reply, language };
}

export async function createSupportAgent(deps: SupportAgentDeps): Promise<SupportAgent> {
  const storage = deps.checkpoints;
  const checkpointer = new TranscriptOutsideCheckpoints(storage.saver, deps.transcripts);
  const graph = buildSupportGraph(
    {
      tickets: deps.tickets,
      knowledge: routingOnSubstance(deps.knowledge),
      logger: deps.logger,
      now: deps.now ?? (() => new Date()),
      ...(deps.openTicketLookupMs !== undefined ? { openTicketLookupMs: deps.openTicketLookupMs } : {}),
      ...(deps.contacts ? { contacts: deps.contacts } : {}),
    },
    deps.llm && createLlmClient(deps.llm),
  ).compile({ checkpointer });
  if (deps.llm) deps.logger.info('agent uses the LLM engine', { model: deps.llm.model });

  /** A conversation's first turn has no checkpoint to load its transcript with. */
  async function firstTranscript(conversationId: string, before: { config: { configurable?: object } }) {
    if (before.config.configurable && 'checkpoint_id' in before.config.configurable) return { conversationId };
    return { conversationId, transcript: await deps.transcripts.transcript(conversationId) };
  }

  async function run(
    turn: AgentTurn,
    signal: AbortSignal | undefined,
    onModelToken: (delta: string) => void,
  ): Promise<AgentReply> {
    const config = { configurable: { thread_id: turn.conversationId }, ...(signal ? { signal } : {}) };
    const before = await graph.getState(config);
    // The state carries the message id of the turn that wrote it: a turn run again after a crash
    // finds its own id and continues from the last checkpoint instead of reading the message twice.
    const isStarted = before.values.turnId === turn.messageId;
    const isPending = before.tasks.some((task) => task.interrupts.length > 0);
    if (isStarted && (isPending || before.next.length === 0)) {
      return replyFrom({ values: before.values, interrupts: before.tasks.flatMap((task) => task.interrupts) });
    }
    const turnId = turn.messageId;
    const stream = await graph.stream(
      isStarted
        ? null
        : isPending
          ? new Command({ resume: turn.text, update: { turnId } })
          : {
              ...(await firstTranscript(turn.conversationId, before)),
              input: turn.text,
              user: turn.user,
              owner: turn.owner,
              turnId,
            },
      // One checkpoint per turn, when it ends or waits (a crash mid-turn runs the turn again from
      // the previous one). Offline, no `messages` mode: without a model there is nothing to stream,
      // and that mode puts a callback handler on every node call.
      { ...config, streamMode: deps.llm ? STREAM_WITH_MODEL : STREAM_OFFLINE, durability: 'exit' },
    );
    const after: { values?: SupportStateValue; interrupts: { value?: unknown }[] } = { interrupts: [] };
    for await (const [mode, payload] of stream) {
      if (mode === 'values') after.values = payload as SupportStateValue;
      else if (mode === 'updates') after.interrupts.push(...interruptsIn(payload));
      else if (mode === 'messages') forwardToken(payload, onModelToken);
    }
    await storage.prune(turn.conversationId);
    if (!after.values) throw new Error('the graph ran no step');
    return replyFrom({ values: after.values, interrupts: after.interrupts });
  }

  return {
    async reply(turn: AgentTurn, options: ReplyOptions = {}): Promise<AgentReply> {
      let streamed = '';
      const emit = (delta: string) => {
        streamed += delta;
        options.onToken?.(delta);
      };
      let reply: AgentReply;
      try {
        reply = await run(turn, options.signal, emit);
      } catch (error) {
        deps.logger.error('agent turn failed', { conversationId: turn.conversationId, error });
        throw toAppError(error, 'internal:agent');
      }
      if (!reply.text.startsWith(streamed)) {
        deps.logger.warn('streamed text is not a prefix of the reply', { conversationId: turn.conversationId });
      }
      return reply;
    },
    async ticketCreated(conversationId, ticket, escalationId) {
      const config = { configurable: { thread_id: conversationId } };
      const state = await graph.getState(config);
      const escalation = state.values.escalation;
      const isWaiting = state.tasks.some((task) => task.interrupts.length > 0);
      // Only the escalation that was queued learns its ticket; a newer offer is left alone.
      const isSame = escalation !== null && (escalationId === undefined || escalation.id === escalationId);
      if (escalation && isSame && escalation.status !== 'created' && !isWaiting) {
        await graph.updateState(config, { escalation: { ...escalation, status: 'created', ticket }, phase: 'closed' });
      }
      return { text: messagesFor(state.values.language ?? 'en').createdLater(ticket) };
    },
    close: () => storage.close(),
  };
}
