/**
 * Builds every concrete object from a Config and starts listening. `main.ts` calls it with the
 * process environment; tests call it with their own config on port 0.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './config.js';
import { createSupportAgent } from './agent/create-support-agent.js';
import { createChatService } from './chat/chat-service.js';
import { createDeskService } from './desk/desk-service.js';
import { createDeskWebhookSender, withDeskWebhooks } from './desk/desk-webhooks.js';
import { resolveDeskToken } from './desk/desk-token.js';
import { createDeskRouter } from './http/desk-routes.js';
import { createHttpApp, type ReadinessCheck } from './http/create-http-app.js';
import { createJiraWebhookRouter } from './http/jira-webhook-routes.js';
import { createJiraEventProcessor } from './jira-events/jira-event-processor.js';
import { deriveLocalWebhookSecret } from './shared/signature.js';
import { createKnowledgeBase } from './knowledge/knowledge-base.js';
import { createDeskMcpHandler } from './mcp/desk-mcp-server.js';
import { createJiraReadinessCheck } from './mcp/jira-readiness.js';
import { createMcpJiraTickets } from './mcp/mcp-jira-tickets.js';
import { createMcpToolClient } from './mcp/mcp-tool-client.js';
import type { Logger } from './shared/logger.js';
import { createMetrics } from './shared/metrics.js';
import { createSocketServer } from './socket/create-socket-server.js';
import { createConversationRepository } from './store/conversation-repository.js';
import { createDeskRepository } from './store/desk-repository.js';
import { createEscalationRepository } from './store/escalation-repository.js';
import { createJiraWebhookRepository } from './store/jira-webhook-repository.js';
import { openDatabase } from './store/sqlite.js';
import { createEscalationOutbox, type OutboxTiming } from './tickets/escalation-outbox.js';

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
  const metrics = createMetrics();
  const db = openDatabase(path.join(config.dataDir, 'helpdesk.sqlite'));
  const conversations = createConversationRepository(db);
  const escalations = createEscalationRepository(db);

  // Listen first: with PORT=0 the local desk's URL is only known once the port is bound.
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
  const publicUrl = config.publicUrl ?? `http://localhost:${port}`;
  const isLocalDesk = config.mcp.url === undefined;

  const deskRepo = createDeskRepository(db);
  const deskService = createDeskService({
    repo: deskRepo,
    baseUrl: () => `${publicUrl}/desk`,
    projects: [{ key: config.jira.projectKey, name: 'IT Support' }],
  });
  const deskToken = resolveDeskToken({
    configured: config.desk.token,
    dataDir: config.dataDir,
    ...(options.printDeskToken ? { print: options.printDeskToken } : {}),
  });
  // The local desk signs its webhooks with a secret derived from its token when none is set.
  const webhookSecret = config.jira.webhookSecret ?? (isLocalDesk ? deriveLocalWebhookSecret(deskToken) : undefined);
  if (!webhookSecret) logger.warn('JIRA_WEBHOOK_SECRET is not set: Jira webhooks will be refused');
  const deskWebhooks =
    isLocalDesk && webhookSecret
      ? createDeskWebhookSender({
          url: () => `http://127.0.0.1:${port}/webhooks/jira`,
          secret: webhookSecret,
          logger: logger.child({ component: 'desk-webhooks' }),
        })
      : undefined;
  const desk = deskWebhooks ? withDeskWebhooks(deskService, deskWebhooks) : deskService;
  const deskMcp = createDeskMcpHandler({ desk, logger: logger.child({ component: 'desk-mcp' }) });

  const mcpClient = createMcpToolClient({
    url: config.mcp.url ?? `http://127.0.0.1:${port}/desk/mcp`,
    headers: isLocalDesk
      ? { Authorization: `Bearer ${deskToken}` }
      : config.mcp.token
        ? { Authorization: `Token ${config.mcp.token}` }
        : {},
    timeoutMs: config.mcp.timeoutMs,
    logger: logger.child({ component: 'mcp-client' }),
  });
  const mcpTickets = createMcpJiraTickets({
    client: mcpClient,
    projectKey: config.jira.projectKey,
    issueType: config.jira.issueType,
    browseBase: () => config.jira.url ?? `${publicUrl}/desk`,
    logger: logger.child({ component: 'tickets' }),
  });
  // Confirmed escalations go through the outbox: stored first, retried until Jira has them.
  const outbox = createEscalationOutbox({
    escalations,
    gateway: mcpTickets,
    onCreated: (conversationId, ticket, escalationId) => chat.deliverTicket(conversationId, ticket, escalationId),
    logger: logger.child({ component: 'outbox' }),
    ...(options.outboxTiming ? { timing: options.outboxTiming } : {}),
  });
  const tickets = { ...mcpTickets, create: outbox.submit };

  const knowledge = await createKnowledgeBase({ dir: options.knowledgeDir ?? DEFAULT_KNOWLEDGE_DIR });
  const agent = await createSupportAgent({
    checkpointFile: path.join(config.dataDir, 'checkpoints.sqlite'),
    tickets,
    knowledge,
    logger: logger.child({ component: 'agent' }),
    llm: config.llm,
  });

  const sockets = createSocketServer(httpServer, { logger: logger.child({ component: 'socket' }), metrics });
  const chat = createChatService({
    conversations,
    agent,
    publish: sockets.publish,
    auth: config.auth,
    logger: logger.child({ component: 'chat' }),
    metrics,
  });
  sockets.attach(chat);
  outbox.start();
  const jiraEvents = createJiraEventProcessor({
    conversations,
    deliveries: createJiraWebhookRepository(db),
    publish: sockets.publish,
    botIdentities: [...config.jira.botUsers, ...(isLocalDesk ? [desk.user.name] : [])],
    logger: logger.child({ component: 'jira-events' }),
  });

  const readiness: ReadinessCheck[] = [
    { name: 'database', check: async () => conversations.ping() },
    { name: 'mcp', check: async () => void (await mcpClient.listTools({ timeoutMs: 4000 })) },
    {
      name: 'jira',
      check: createJiraReadinessCheck({ client: mcpClient, outbox, projectKey: config.jira.projectKey }),
    },
  ];
  const app = createHttpApp({
    logger: logger.child({ component: 'http' }),
    metrics,
    readiness,
    webDir: options.webDir ?? DEFAULT_WEB_DIR,
    jiraWebhookRouter: createJiraWebhookRouter({
      secret: webhookSecret,
      processor: jiraEvents,
      logger: logger.child({ component: 'jira-webhooks' }),
      metrics,
    }),
    deskRouter: createDeskRouter({ desk, mcp: deskMcp, token: deskToken, logger: logger.child({ component: 'desk' }) }),
  });
  handler = app;

  const url = `http://127.0.0.1:${port}`;
  logger.info('listening', {
    url,
    publicUrl,
    mode: { llm: config.llm ? 'openai' : 'offline', jira: isLocalDesk ? 'local-desk' : 'mcp-atlassian' },
  });

  let closing: Promise<void> | undefined;
  return {
    url,
    deskToken: isLocalDesk ? deskToken : undefined,
    close() {
      closing ??= (async () => {
        await deskWebhooks?.close();
        httpServer.closeAllConnections();
        await sockets.close();
        await chat.drain();
        await outbox.stop();
        await mcpClient.close();
        await deskMcp.close();
        await agent.close?.();
        db.close();
      })();
      return closing;
    },
  };
}
