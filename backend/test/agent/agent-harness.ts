/**
 * Offline agents on the real playbooks: each test gets a fresh checkpoint folder, and every agent
 * it made is closed and the folder removed after it. Call `useOfflineAgents` at a file's top level.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import { createSupportAgent, type SupportAgentDeps } from '../../src/agent/create-support-agent.js';
import { sqliteCheckpoints } from '../../src/agent/checkpoint-storage.js';
import type { SupportAgent } from '../../src/chat/ports.js';
import { createKnowledgeBase } from '../../src/knowledge/knowledge-base.js';
import type { KnowledgeBase } from '../../src/knowledge/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { recordedTranscripts, type RecordedTranscripts } from './recorded-transcripts.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const playbooksDir = path.resolve(here, '../../knowledge/playbooks');

export const user = { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };

export type AgentOptions = Pick<SupportAgentDeps, 'tickets'> & Partial<Pick<SupportAgentDeps, 'openTicketLookupMs'>>;

/** Returns a factory for agents on this test's checkpoint file; closing one early is harmless. */
export function useOfflineAgents(tmpPrefix: string): (options: AgentOptions) => Promise<SupportAgent> {
  let knowledge: KnowledgeBase;
  let dir = '';
  let agents: SupportAgent[] = [];
  let transcripts: RecordedTranscripts;
  beforeAll(async () => {
    knowledge = await createKnowledgeBase({ dir: playbooksDir });
  });
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), tmpPrefix));
    agents = [];
    transcripts = recordedTranscripts();
  });
  afterEach(async () => {
    for (const agent of agents) await agent.close?.();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return async (options) => {
    const agent = await createSupportAgent({
      checkpoints: sqliteCheckpoints(path.join(dir, 'checkpoints.sqlite')),
      transcripts,
      knowledge,
      logger: silentLogger,
      ...options,
    });
    agents.push(agent);
    return transcripts.around(agent);
  };
}
