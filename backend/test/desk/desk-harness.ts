/**
 * A real local desk for tests: SQLite in a temp dir, the desk router on `/desk` of a bare express
 * app, listening on 127.0.0.1 (port 0 unless given). `restart()` drops the HTTP server and the MCP
 * handler (every session with them) and listens again on the same port, like a process restart.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { createDeskService, type DeskService } from '../../src/desk/desk-service.js';
import type { DeskRepository } from '../../src/desk/ports.js';
import { createDeskRouter } from '../../src/http/desk-routes.js';
import { createDeskMcpHandler, type McpHttpHandler } from '../../src/mcp/desk-mcp-server.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createDeskRepository } from '../../src/store/desk-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';

export const TEST_DESK_TOKEN = 'test-desk-token-0123456789abcdef';

export interface McpTraffic {
  initializes: number;
  /** Session ids sent by the client on non-initialize requests. */
  sessionIds: string[];
  notFound: number;
}

export interface DeskHarness {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  mcpUrl: string;
  token: string;
  desk: DeskService;
  mcp: McpHttpHandler;
  traffic: McpTraffic;
  db: SqliteDatabase;
  restart(): Promise<void>;
  stopHttp(): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Wraps the real desk, e.g. to make a tool slow. */
  wrapDesk?: (desk: DeskService) => DeskService;
  /** Wraps the real repository, e.g. to count the queries a request makes. */
  wrapRepository?: (repo: DeskRepository) => DeskRepository;
}

export async function startDeskHarness(options: HarnessOptions = {}): Promise<DeskHarness> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-test-'));
  const db = openDatabase(path.join(dir, 'desk.sqlite'));
  let origin = '';
  const repo = createDeskRepository(db);
  const realDesk = createDeskService({
    repo: options.wrapRepository ? options.wrapRepository(repo) : repo,
    baseUrl: () => `${origin}/desk`,
  });
  const desk = options.wrapDesk ? options.wrapDesk(realDesk) : realDesk;
  const traffic: McpTraffic = { initializes: 0, sessionIds: [], notFound: 0 };

  let server: http.Server | undefined;
  let mcp = createDeskMcpHandler({ desk, logger: silentLogger });
  let port = 0;

  const listen = async (): Promise<void> => {
    const handler = mcp;
    // Counts what reaches the MCP endpoint, so tests can see sessions being opened and reused.
    const counting: McpHttpHandler = {
      async handle(req, res, body) {
        const isInit = typeof body === 'object' && body !== null && 'method' in body && body.method === 'initialize';
        if (isInit) traffic.initializes++;
        const sid = req.headers['mcp-session-id'];
        if (typeof sid === 'string' && req.method === 'POST') traffic.sessionIds.push(sid);
        await handler.handle(req, res, body);
        if (res.statusCode === 404) traffic.notFound++;
      },
      close: () => handler.close(),
    };
    const app = express();
    app.use('/desk', createDeskRouter({ desk, mcp: counting, token: TEST_DESK_TOKEN, logger: silentLogger }));
    server = http.createServer(app);
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    origin = `http://127.0.0.1:${port}`;
  };

  const stopHttp = async (): Promise<void> => {
    const s = server;
    server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  };

  await listen();
  const harness: DeskHarness = {
    get origin() {
      return origin;
    },
    get mcpUrl() {
      return `${origin}/desk/mcp`;
    },
    token: TEST_DESK_TOKEN,
    desk,
    get mcp() {
      return mcp;
    },
    traffic,
    db,
    async restart() {
      await stopHttp();
      await mcp.close();
      mcp = createDeskMcpHandler({ desk, logger: silentLogger });
      await listen();
    },
    stopHttp,
    async close() {
      await stopHttp();
      await mcp.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return harness;
}
