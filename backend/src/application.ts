/**
 * Builds every concrete object, in dependency order, from the settings and the runtime plan
 * (runtime-plan.ts decided the URLs, secrets and identities). No object is used before it is
 * built: the outbox gets the chat's delivery when its worker starts, the socket server gets the
 * chat when it is attached.
 */
import type http from 'node:http';
import type { Config } from './config.js';
import type { RuntimePlan } from './runtime-plan.js';
import type { CheckpointStorage } from './agent/checkpoint-storage.js';
import { createSupportAgent } from './agent/create-support-agent.js';
import { createChatService, type ChatService, type ChatServiceDeps } from './chat/chat-service.js';
import { createWidgetTokenVerifier } from './chat/widget-token.js';
import { createDeskService, LOCAL_DESK_USER } from './desk/desk-service.js';
import { createDeskWebhookSender, withDeskWebhooks } from './desk/desk-webhooks.js';
import { createDeskRouter } from './http/desk-routes.js';
import { createHttpApp, type ReadinessCheck } from './http/create-http-app.js';
import { createJiraWebhookRouter } from './http/jira-webhook-routes.js';
import { createJiraEventProcessor } from './jira-events/jira-event-processor.js';
import { createKnowledgeBase } from './knowledge/knowledge-base.js';
import { createDeskMcpHandler } from './mcp/desk-mcp-server.js';
import { createJiraReadinessCheck } from './mcp/jira-readiness.js';
import { createMcpJiraTickets } from './mcp/mcp-jira-tickets.js';
import { createMcpToolClient } from './mcp/mcp-tool-client.js';
import type { Logger } from './shared/logger.js';
import { createMetrics, type Metrics } from './shared/metrics.js';
import { createLimiterFactory, type CreateLimiter } from './shared/rate-limit.js';
import { createSocketServer, type SocketServer, type SocketServerDeps } from './socket/create-socket-server.js';
import { createRedisConnection } from './socket/redis-connection.js';
import type { Stores } from './store/stores.js';
import { createEscalationOutbox, type OutboxTiming } from './tickets/escalation-outbox.js';

export interface ApplicationInput {
  config: Config;
  plan: RuntimePlan;
  deskToken: string;
  /** SQLite or Postgres (storage.ts); closed with the application. */
  stores: Stores;
  checkpoints: CheckpointStorage;
  httpServer: http.Server;
  logger: Logger;
  knowledgeDir: string;
  webDir: string;
  outboxTiming?: Partial<OutboxTiming>;
  /** With replicas, how often other replicas' stranded turns are looked for (default 15 s). */
  strandedTurnCheckMs?: number;
}

export interface Application {
  handler: http.RequestListener;
  close(): Promise<void>;
}

export async function createApplication(input: ApplicationInput): Promise<Application> {
  const { config, plan, stores, logger } = input;
  const metrics = createMetrics();
  const shared = buildSharedState(input, metrics);
  const desk = buildDesk(input, shared.createLimiter);
  const tickets = buildTickets(input, metrics);
  const knowledge = await createKnowledgeBase({ dir: input.knowledgeDir });
  const { conversations } = stores;
  const agent = await createSupportAgent({
    checkpoints: input.checkpoints,
    transcripts: conversations,
    tickets: tickets.forAgent,
    knowledge,
    logger: logger.child({ component: 'agent' }),
    llm: config.llm,
    contacts: config.contacts,
  });
  const sockets = createSocketServer(input.httpServer, shared.socketDeps);
  const chat = createChatService({
    conversations,
    turns: stores.turns,
    ...(stores.locks ? { locks: stores.locks } : {}),
    agent,
    publish: sockets.publish,
    auth: chatAuth(config),
    maxConcurrentTurns: config.maxConcurrentTurns,
    logger: logger.child({ component: 'chat' }),
    metrics,
  });
  // Turns a crash left pending are queued before any connection can queue a new one.
  await chat.resumePendingTurns();
  sockets.attach(chat);
  tickets.outbox.start((...args) => chat.deliverTicket(...args));
  const stopAdopting = stores.locks ? adoptStrandedTurns(chat, input) : () => undefined;
  const jiraEvents = createJiraEventProcessor({
    conversations,
    deliveries: stores.webhookDeliveries,
    publish: sockets.publish,
    botIdentities: plan.botIdentities,
    logger: logger.child({ component: 'jira-events' }),
  });
  const readiness: ReadinessCheck[] = [
    { name: 'database', check: () => conversations.ping() },
    ...tickets.readiness,
    ...shared.readiness,
  ];
  const handler = createHttpApp({
    logger: logger.child({ component: 'http' }),
    metrics,
    readiness,
    webDir: input.webDir,
    jiraWebhookRouter: createJiraWebhookRouter({
      secret: plan.webhookSecret,
      processor: jiraEvents,
      logger: logger.child({ component: 'jira-webhooks' }),
      metrics,
      createLimiter: shared.createLimiter,
    }),
    deskRouter: desk.router,
  });
  const close = () => {
    stopAdopting();
    return closeInOrder({
      httpServer: input.httpServer,
      stopWebhooks: () => desk.stopWebhooks(),
      sockets,
      chat,
      // Redis last: a ticket delivered while the rest stopped still reaches widgets on other replicas.
      release: [
        () => tickets.close(),
        () => desk.close(),
        async () => agent.close?.(),
        () => stores.close(),
        () => shared.close(),
      ],
    });
  };
  return { handler, close };
}

interface Closing {
  httpServer: http.Server;
  stopWebhooks(): Promise<void>;
  sockets: SocketServer;
  chat: ChatService;
  /** Released once the turns are done, in this order. */
  release: (() => Promise<unknown>)[];
}

/**
 * Stop taking work first, then finish what was taken, then release what it used. The HTTP server
 * is among what it uses: a turn still running creates its ticket or looks one up through the
 * local desk's /desk/mcp on it, so it stops listening only once the turns are done.
 */
async function closeInOrder({ httpServer, stopWebhooks, sockets, chat, release }: Closing): Promise<void> {
  await stopWebhooks();
  sockets.stopAccepting();
  await chat.drain();
  httpServer.closeAllConnections();
  await sockets.close();
  for (const step of release) await step();
}

/**
 * With replicas: a turn that a replica accepted and then died with (SIGKILL, a lost machine) would
 * otherwise wait for a replica to start. Every interval, the others' turns still pending since the
 * last look are run here; the conversation's lock and the pending check make sure only one runs.
 */
function adoptStrandedTurns(chat: ChatService, { logger, strandedTurnCheckMs }: ApplicationInput): () => void {
  const timer = setInterval(() => {
    chat.adoptStrandedTurns().catch((error: unknown) => logger.error('stranded turn check failed', { error }));
  }, strandedTurnCheckMs ?? 15_000);
  timer.unref();
  return () => clearInterval(timer);
}

/** Open mode trusts what the widget says; token mode verifies a signed identity. */
function chatAuth(config: Config): ChatServiceDeps['auth'] {
  if (config.auth.mode === 'open') return { mode: 'open' };
  const { widgetJwtSecret, jwksUrl, issuer, audience } = config.auth;
  return { mode: 'token', verify: createWidgetTokenVerifier({ secret: widgetJwtSecret, jwksUrl, issuer, audience }) };
}

/**
 * With REDIS_URL, what the replicas share through Redis: socket.io rooms and the rate limits'
 * counters, and a `redis` readiness check. Without it both stay in this process, as they always did.
 * Also what the socket server is built with, since both of those are its business.
 */
function buildSharedState({ config, logger }: ApplicationInput, metrics: Metrics) {
  const socketDeps: SocketServerDeps = { logger: logger.child({ component: 'socket' }), metrics };
  if (!config.redis) {
    const createLimiter = createLimiterFactory();
    return { createLimiter, socketDeps: { ...socketDeps, createLimiter }, readiness: [], close: async () => undefined };
  }
  const redis = createRedisConnection({ url: config.redis.url, logger: logger.child({ component: 'redis' }), metrics });
  const createLimiter = createLimiterFactory({ redis: redis.commands, keyPrefix: 'helpdesk:rate' });
  const readiness: ReadinessCheck[] = [{ name: 'redis', check: () => redis.ping() }];
  return {
    createLimiter,
    socketDeps: { ...socketDeps, createLimiter, redis },
    readiness,
    close: () => redis.close(),
  };
}

/** The local desk (a small Jira stand-in) and its MCP endpoint; it sends webhooks only when it is the desk in use. */
function buildDesk({ config, plan, stores, deskToken, logger }: ApplicationInput, createLimiter: CreateLimiter) {
  const service = createDeskService({
    repo: stores.desk,
    baseUrl: () => plan.deskBaseUrl,
    projects: [{ key: config.jira.projectKey, name: 'IT Support' }],
    user: LOCAL_DESK_USER,
  });
  const webhooks =
    plan.deskWebhookUrl && plan.webhookSecret
      ? createDeskWebhookSender({
          url: () => plan.deskWebhookUrl as string,
          secret: plan.webhookSecret,
          logger: logger.child({ component: 'desk-webhooks' }),
        })
      : undefined;
  const desk = webhooks ? withDeskWebhooks(service, webhooks) : service;
  const mcp = createDeskMcpHandler({ desk, logger: logger.child({ component: 'desk-mcp' }) });
  return {
    router: createDeskRouter({
      desk,
      mcp,
      token: deskToken,
      logger: logger.child({ component: 'desk' }),
      createLimiter,
    }),
    stopWebhooks: async () => webhooks?.close(),
    close: () => mcp.close(),
  };
}

/** Tickets over MCP; confirmed escalations go through the outbox (stored first, retried until Jira has them). */
function buildTickets({ config, plan, stores, logger, outboxTiming }: ApplicationInput, metrics: Metrics) {
  const client = createMcpToolClient({
    callSeconds: metrics.histogram('helpdesk_mcp_call_seconds', 'MCP calls to Jira, by tool and outcome.', {
      labels: ['tool', 'outcome'],
    }),
    url: plan.mcp.url,
    headers: plan.mcp.headers,
    timeoutMs: config.mcp.timeoutMs,
    logger: logger.child({ component: 'mcp-client' }),
  });
  const mcpTickets = createMcpJiraTickets({
    client,
    projectKey: config.jira.projectKey,
    issueType: config.jira.issueType,
    browseBase: () => plan.browseBase,
    logger: logger.child({ component: 'tickets' }),
  });
  const outbox = createEscalationOutbox({
    escalations: stores.escalations,
    gateway: mcpTickets,
    logger: logger.child({ component: 'outbox' }),
    ...(outboxTiming ? { timing: outboxTiming } : {}),
  });
  metrics.gauge('helpdesk_outbox_oldest_seconds', 'Age of the oldest escalation waiting for its ticket.', {
    collect: () => outbox.oldestAgeSeconds(),
  });
  metrics.gauge('helpdesk_outbox_pending', 'Escalations waiting for their ticket.', {
    collect: async () => (await outbox.status()).pending,
  });
  const readiness: ReadinessCheck[] = [
    { name: 'mcp', check: async () => void (await client.listTools({ timeoutMs: 4000 })) },
    { name: 'jira', check: createJiraReadinessCheck({ client, outbox, projectKey: config.jira.projectKey }) },
  ];
  return {
    forAgent: { ...mcpTickets, create: outbox.submit },
    outbox,
    readiness,
    close: async () => {
      await outbox.stop();
      await client.close();
    },
  };
}
