/**
 * Starts the service: opens the storage (SQLite in DATA_DIR, or Postgres migrated under a lock),
 * listens (answering 503 until ready, since with PORT=0
 * the URLs are only known once the port is bound), plans the runtime from the settings, builds
 * the application and hands it the requests. `main.ts` calls it with the process environment;
 * tests call it with their own config on port 0.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApplication } from './application.js';
import type { Config } from './config.js';
import { LOCAL_DESK_USER } from './desk/desk-service.js';
import { planRuntime } from './runtime-plan.js';
import type { Logger } from './shared/logger.js';
import { openStorage } from './storage.js';
import type { OutboxTiming } from './tickets/escalation-outbox.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const DEFAULT_WEB_DIR = path.resolve(here, '../../web/dist');
export const DEFAULT_KNOWLEDGE_DIR = path.resolve(here, '../knowledge/playbooks');

export interface RunningServer {
  url: string;
  deskToken: string | undefined;
  close(): Promise<void>;
}

export interface ServerOptions {
  logger: Logger;
  webDir?: string;
  knowledgeDir?: string;
  printDeskToken?: (line: string) => void;
  /** Retry timing of the escalation outbox (tests use short delays). */
  outboxTiming?: Partial<OutboxTiming>;
}

export async function startServer(config: Config, options: ServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const storage = await openStorage(config, logger);
  const listening = await listen(config).catch(async (error: unknown) => {
    await storage.stores.close();
    throw error;
  });
  const deskToken = await storage.deskToken(options.printDeskToken);
  const plan = planRuntime(config, { port: listening.port, deskToken, deskBotName: LOCAL_DESK_USER.name });
  for (const warning of plan.warnings) logger.warn(warning);
  const app = await createApplication({
    config,
    plan,
    deskToken,
    stores: storage.stores,
    checkpoints: storage.checkpoints,
    httpServer: listening.httpServer,
    logger,
    knowledgeDir: options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR,
    webDir: options.webDir ?? DEFAULT_WEB_DIR,
    ...(options.outboxTiming ? { outboxTiming: options.outboxTiming } : {}),
  });
  listening.serve(app.handler);
  logger.info('listening', {
    url: plan.loopbackUrl,
    publicUrl: plan.publicUrl,
    mode: { ...plan.mode, storage: storage.stores.kind },
  });

  let closing: Promise<void> | undefined;
  return {
    url: plan.loopbackUrl,
    deskToken: plan.isLocalDesk ? deskToken : undefined,
    close: () => (closing ??= app.close()),
  };
}

/** Binds the port at once; until `serve` is called every request gets 503 "starting". */
async function listen(config: Config) {
  let handler: http.RequestListener = (_req, res) => {
    res.writeHead(503, { 'Content-Type': 'application/json', 'Retry-After': '1' });
    res.end('{"error":{"code":"unavailable:starting","message":"Starting up."}}');
  };
  const httpServer = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as AddressInfo;
  return {
    httpServer,
    port,
    serve: (app: http.RequestListener) => {
      handler = app;
    },
  };
}
