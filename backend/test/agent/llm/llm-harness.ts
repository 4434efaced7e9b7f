/** An agent in LLM mode against the scripted OpenAI-compatible server, with a fake ticket port. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSupportAgent } from '../../../src/agent/create-support-agent.js';
import { sqliteCheckpoints } from '../../../src/agent/checkpoint-storage.js';
import type { LlmSettings } from '../../../src/agent/llm/model.js';
import type { AgentReply, SupportAgent } from '../../../src/chat/ports.js';
import { createKnowledgeBase } from '../../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase, Playbook } from '../../../src/knowledge/ports.js';
import { createLogger, type Logger } from '../../../src/shared/logger.js';
import {
  startScriptedOpenAi,
  type RecordedRequest,
  type Scripted,
  type ScriptedOpenAi,
} from '../../support/scripted-openai.js';
import { createFakeTickets, type FakeTickets } from '../fake-tickets.js';
import { recordedTranscripts } from '../recorded-transcripts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const playbooksDir = path.resolve(here, '../../../knowledge/playbooks');
export const user = { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };
export const OPENER = 'Teams shows a white screen on startup on my Windows laptop';

export const MODEL_REPLY =
  "Sorry about that, Aiko. From *Teams won't start or shows a blank window*, please try:\n\n" +
  '1. Quit Teams completely and start it again.\n2. Try Teams in the browser.\n3. Check the Microsoft status page.\n\n' +
  'What happened? You can also say "create a ticket".';

export const TEAMS_UNDERSTANDING = {
  category: 'teams',
  playbookId: 'teams-wont-start',
  symptom: 'white screen on startup',
  app: 'Teams',
  device: 'laptop',
  os: 'Windows',
  errorText: null,
  urgency: 'medium',
  language: 'en',
};

export interface ScriptParts {
  reply?: Scripted;
  understanding?: Scripted;
  feedback?: Scripted;
  confirmation?: Scripted;
}

/** A well-behaved model; each part can be replaced. */
export function script(parts: ScriptParts = {}): (r: RecordedRequest) => Scripted {
  return (r) => {
    if (r.kind === 'reply') return parts.reply ?? { text: MODEL_REPLY };
    if (r.name === 'record_understanding') return parts.understanding ?? { json: TEAMS_UNDERSTANDING };
    if (r.name === 'record_feedback') return parts.feedback ?? { json: { intent: 'not_fixed' } };
    if (r.name === 'record_confirmation') return parts.confirmation ?? { json: { intent: 'confirm', answer: null } };
    return { status: 400, message: `unscripted request ${String(r.name)}` };
  };
}

export interface Harness {
  knowledge: KnowledgeBase;
  /** A playbook the tests rely on; the steps are read from it so playbook edits do not break tests. */
  playbook(id: string): Playbook;
  model: ScriptedOpenAi;
  tickets: FakeTickets;
  logs: string[];
  newAgent(settings?: Partial<LlmSettings>): Promise<SupportAgent>;
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const knowledge = await createKnowledgeBase({ dir: playbooksDir });
  const model = await startScriptedOpenAi(script());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'llm-agent-'));
  const logs: string[] = [];
  const logger: Logger = createLogger('warn', {}, (line) => logs.push(line));
  const tickets = createFakeTickets();
  const agents: SupportAgent[] = [];
  return {
    knowledge,
    playbook(id) {
      const found = knowledge.get(id);
      if (!found) throw new Error(`playbook ${id} is missing`);
      return found;
    },
    model,
    tickets,
    logs,
    async newAgent(settings = {}) {
      // Each agent has its own checkpoint file, so its own conversations.
      const transcripts = recordedTranscripts();
      const agent = await createSupportAgent({
        checkpoints: sqliteCheckpoints(path.join(dir, `checkpoints-${agents.length}.sqlite`)),
        transcripts,
        tickets,
        knowledge,
        logger,
        llm: { apiKey: 'sk-test-secret-key', baseUrl: model.url, model: 'gpt-4o-mini', timeoutMs: 2_000, ...settings },
      });
      agents.push(agent);
      return transcripts.around(agent);
    },
    async close() {
      for (const agent of agents) await agent.close?.();
      await model.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Sends turns on one conversation, collecting the streamed pieces of each reply. */
export function chat(agent: SupportAgent, conversationId = 'conv-llm') {
  return async (text: string): Promise<AgentReply & { pieces: string[] }> => {
    const pieces: string[] = [];
    const reply = await agent.reply(
      { conversationId, text, user, owner: user.email, messageId: crypto.randomUUID() },
      { onToken: (d) => pieces.push(d) },
    );
    return { ...reply, pieces };
  };
}
