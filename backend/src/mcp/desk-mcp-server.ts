/**
 * `/desk/mcp`: the local desk as a streamable-HTTP MCP server. Stateful like mcp-atlassian
 * (FastMCP): each `initialize` gets its own server + transport under a fresh `mcp-session-id`; a
 * request naming an unknown session gets HTTP 404 "Session not found", which is what tells a
 * client the server forgot it (restart, `close()`) and must initialize again.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import type { DeskService } from '../desk/desk-service.js';
import type { Logger } from '../shared/logger.js';
import { createDeskMcpServer } from './desk-mcp-tools.js';

/** Fits http/'s `DeskMcpEndpoint` (structurally: neither folder imports the other), plus `close`. */
export interface McpHttpHandler {
  handle(req: IncomingMessage, res: ServerResponse, parsedBody: unknown): Promise<void>;
  close(): Promise<void>;
}

export interface DeskMcpHandlerDeps {
  desk: DeskService;
  logger: Logger;
  /** Sessions unused for this long are dropped (clients rarely send DELETE). Default 1 hour. */
  idleTimeoutMs?: number;
}

interface Session {
  server: McpServer;
  transport: StreamableHTTPServerTransport;
  lastSeen: number;
}

export function createDeskMcpHandler(deps: DeskMcpHandlerDeps): McpHttpHandler {
  const { desk, logger } = deps;
  const idleTimeoutMs = deps.idleTimeoutMs ?? 60 * 60 * 1000;
  const sessions = new Map<string, Session>();
  let sweeper: NodeJS.Timeout | undefined;

  const endSession = async (id: string, session: Session): Promise<void> => {
    sessions.delete(id);
    await session.server.close().catch((error: unknown) => logger.warn('closing MCP session failed', { error }));
  };

  const startSweeper = (): void => {
    if (sweeper) return;
    sweeper = setInterval(
      () => {
        const cutoff = Date.now() - idleTimeoutMs;
        for (const [id, session] of sessions) {
          if (session.lastSeen < cutoff) void endSession(id, session);
        }
      },
      Math.min(idleTimeoutMs, 60_000),
    );
    sweeper.unref();
  };

  const openSession = async (req: IncomingMessage, res: ServerResponse, body: unknown): Promise<void> => {
    const server = createDeskMcpServer(desk, logger);
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => {
        sessions.set(id, { server, transport, lastSeen: Date.now() });
        logger.debug('MCP session opened', { sessions: sessions.size });
      },
    });
    transport.onclose = () => {
      const id = transport.sessionId;
      if (id && sessions.get(id)?.transport === transport) sessions.delete(id);
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
    // A rejected initialize never gets a session id: nothing else will ever reach this server.
    if (!transport.sessionId) await server.close();
    startSweeper();
  };

  return {
    async handle(req, res, parsedBody) {
      const body = withCommentAlias(parsedBody);
      const header = req.headers['mcp-session-id'];
      const sessionId = Array.isArray(header) ? header[0] : header;
      if (sessionId) {
        const session = sessions.get(sessionId);
        if (!session) return sendRpcError(res, 404, -32001, 'Session not found');
        session.lastSeen = Date.now();
        await session.transport.handleRequest(req, res, body);
        return;
      }
      if (req.method === 'POST' && isInitializeRequest(body)) return openSession(req, res, body);
      return sendRpcError(res, 400, -32000, 'Bad Request: No valid session ID provided');
    },
    async close() {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      await Promise.all([...sessions].map(([id, session]) => endSession(id, session)));
    },
  };
}

function sendRpcError(res: ServerResponse, status: number, code: number, message: string): void {
  if (res.headersSent) return;
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code, message }, id: null }));
}

/**
 * mcp-atlassian 0.23.1 accepts `comment` for jira_add_comment's `body` (a pydantic alias) while
 * advertising `body`. The SDK validates against the zod schema before our handler runs, so the
 * alias is mapped here, on the raw JSON-RPC message.
 */
function withCommentAlias(body: unknown): unknown {
  if (Array.isArray(body)) return body.map(withCommentAlias);
  if (!isRecord(body) || body.method !== 'tools/call' || !isRecord(body.params)) return body;
  const { params } = body;
  const args = params.arguments;
  if (params.name !== 'jira_add_comment' || !isRecord(args) || 'body' in args || !('comment' in args)) return body;
  const { comment, ...rest } = args;
  return { ...body, params: { ...params, arguments: { ...rest, body: comment } } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
