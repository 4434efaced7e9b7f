/**
 * The local desk's HTTP surface, meant to be mounted at `/desk`: `/mcp` (the MCP server),
 * `/rest/api/2/…` (the Jira REST subset) and the staff pages. Everything needs the desk token;
 * links and redirects are built from the mount path, so nothing here hard-codes `/desk`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type RequestHandler, type Router } from 'express';
import type { DeskService } from '../desk/desk-service.js';
import type { Logger } from '../shared/logger.js';
import type { CreateLimiter } from '../shared/rate-limit.js';
import { createDeskAuth } from './desk-auth.js';
import { createDeskPageRouter } from './desk-page-routes.js';
import { createDeskRestRouter } from './desk-rest-routes.js';

/**
 * The desk's MCP endpoint as this router needs it: handed a request whose JSON body is already
 * parsed. Declared here so that http/ does not depend on mcp/; the MCP adapter's handler fits it.
 */
export interface DeskMcpEndpoint {
  handle(req: IncomingMessage, res: ServerResponse, parsedBody: unknown): Promise<void>;
}

export interface DeskRouterDeps {
  desk: DeskService;
  mcp: DeskMcpEndpoint;
  token: string;
  logger: Logger;
  /** For the sign-in throttle; in memory when not given. */
  createLimiter?: CreateLimiter;
}

export function createDeskRouter(deps: DeskRouterDeps): Router {
  const { desk, mcp, logger } = deps;
  const auth = createDeskAuth(deps.token);
  const router = express.Router();

  // The MCP endpoint answers in its own error shape, the REST API in Jira's.
  const requireToken =
    (body: object): RequestHandler =>
    (req, res, next) => {
      if (auth.hasValidHeader(req)) return next();
      res.status(401).set('WWW-Authenticate', 'Bearer realm="desk"').json(body);
    };
  const requireMcpToken = requireToken({
    error: { code: 'unauthorized:desk', message: 'Send the desk token as "Authorization: Bearer <token>".' },
  });
  const requireRestToken = requireToken({
    errorMessages: ['You are not authenticated. Authentication required to perform this operation.'],
    errors: {},
  });

  // Auth before parsing: an anonymous caller never gets a megabyte of JSON parsed for free.
  router.all('/mcp', requireMcpToken, express.json({ limit: '1mb' }), async (req, res) => {
    try {
      await mcp.handle(req, res, req.body);
    } catch (error) {
      logger.error('desk MCP request failed', { error });
      if (!res.headersSent) {
        res.status(500).json({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' }, id: null });
      }
    }
  });

  const onMcpBodyError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const isTooLarge =
      typeof error === 'object' && error !== null && 'type' in error && error.type === 'entity.too.large';
    res.status(isTooLarge ? 413 : 400).json({
      jsonrpc: '2.0',
      error: { code: -32700, message: isTooLarge ? 'Request too large' : 'Parse error' },
      id: null,
    });
  };
  router.use('/mcp', onMcpBodyError);

  const rest = createDeskRestRouter({ desk, logger });
  router.use('/rest/api/2', requireRestToken, rest);
  router.use('/rest/api/latest', requireRestToken, rest);

  router.use(
    createDeskPageRouter({ desk, auth, logger, ...(deps.createLimiter ? { createLimiter: deps.createLimiter } : {}) }),
  );
  return router;
}
