/**
 * Composition root of an agent worker thread (AGENT_WORKERS > 0; agent/pool/agent-pool.ts starts
 * it): builds a SupportAgent here from the settings the main thread passed — its own checkpoint
 * connection and knowledge base, the main thread's tickets and transcripts through the pool — and
 * answers the pool until it is told to close.
 */
import { parentPort, threadId, workerData } from 'node:worker_threads';
import {
  postgresCheckpoints,
  sqliteCheckpoints,
  type CheckpointLocation,
  type CheckpointStorage,
} from './agent/checkpoint-storage.js';
import { createSupportAgent } from './agent/create-support-agent.js';
import type { Contacts } from './agent/kind-messages.js';
import type { LlmSettings } from './agent/llm/model.js';
import { remoteLogger, remotePorts, serveAgent } from './agent/pool/worker-host.js';
import { createKnowledgeBase } from './knowledge/knowledge-base.js';
import type { LogLevel, Logger } from './shared/logger.js';
import { openPostgres } from './store/postgres/database.js';

export interface AgentWorkerSettings {
  /** The same SQLite file or Postgres database the main thread opened (and set up). */
  checkpoints: CheckpointLocation;
  knowledgeDir: string;
  logLevel: LogLevel;
  llm?: LlmSettings;
  contacts?: Contacts;
}

/** A worker's checkpoint connections: a few, since it runs a few turns at a time. */
const POSTGRES_CLIENTS_PER_WORKER = 4;

function openCheckpoints(location: CheckpointLocation, logger: Logger) {
  if (location.kind === 'sqlite') return { storage: sqliteCheckpoints(location.file), close: async () => undefined };
  const pool = openPostgres(location.url, logger, { max: POSTGRES_CLIENTS_PER_WORKER });
  const storage: CheckpointStorage = postgresCheckpoints(pool);
  return { storage, close: () => pool.end() };
}

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('agent-worker runs as a worker thread of the agent pool');
  const settings = workerData as AgentWorkerSettings;
  // Records go to the main thread's logger, which adds its own bindings (component: agent).
  const logger = remoteLogger(port, settings.logLevel, { worker: threadId });
  const checkpoints = openCheckpoints(settings.checkpoints, logger);
  const remote = remotePorts(port);
  const agent = await createSupportAgent({
    checkpoints: checkpoints.storage,
    transcripts: remote.transcripts,
    tickets: remote.tickets,
    knowledge: await createKnowledgeBase({ dir: settings.knowledgeDir }),
    logger,
    ...(settings.llm ? { llm: settings.llm } : {}),
    ...(settings.contacts ? { contacts: settings.contacts } : {}),
  });
  serveAgent(port, agent, remote, async () => {
    await checkpoints.close();
    // serveAgent sends `closed` as soon as this returns; the thread ends right after it.
    setImmediate(() => process.exit(0));
  });
  port.postMessage({ kind: 'ready' });
}

await main();
