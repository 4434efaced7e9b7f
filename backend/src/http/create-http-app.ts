/**
 * The express application: health, readiness, metrics, the widget's static files and the local
 * desk (mounted by the caller). Errors leave as `{ error: { code, message } }` with the status of
 * their kind; the cause goes to the log only.
 */
import helmet from 'helmet';
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import { AppError, toAppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { toRequestError } from './request-errors.js';
import type { Metrics } from '../shared/metrics.js';
import { withTimeout } from '../shared/timing.js';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface HttpAppDeps {
  logger: Logger;
  metrics: Metrics;
  readiness: ReadinessCheck[];
  webDir: string;
  deskRouter?: Router;
  /** Mounted before anything that parses bodies: it verifies signatures over the raw bytes. */
  jiraWebhookRouter?: Router;
  readinessTimeoutMs?: number;
}

export function createHttpApp(deps: HttpAppDeps): Express {
  const { logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');

  app.use(securityHeaders());

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    const timeoutMs = deps.readinessTimeoutMs ?? 5000;
    const results = await Promise.all(
      deps.readiness.map(async ({ name, check }) => {
        try {
          await withTimeout(check(), timeoutMs, () => new AppError('timeout:readiness'));
          return { name, ok: true as const };
        } catch (error) {
          logger.warn('readiness check failed', { check: name, error });
          return { name, ok: false as const, cause: operatorCause(error) };
        }
      }),
    );
    const failing = results.filter((r) => !r.ok).map((r) => r.name);
    res.status(failing.length ? 503 : 200).json({
      status: failing.length ? 'unavailable' : 'ready',
      ...(failing.length ? { failing } : {}),
      checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? 'ok' : 'failing'])),
      ...(failing.length
        ? { causes: Object.fromEntries(results.flatMap((r) => (r.ok ? [] : [[r.name, r.cause]]))) }
        : {}),
    });
  });

  app.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.contentType).send(await deps.metrics.render());
  });

  if (deps.jiraWebhookRouter) app.use('/webhooks/jira', deps.jiraWebhookRouter);
  if (deps.deskRouter) app.use('/desk', deps.deskRouter);

  app.use(express.static(deps.webDir, { index: 'index.html', maxAge: '5m' }));

  app.use((_req, _res, next) => next(new AppError('not_found:route', 'Not found.')));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const appError = toRequestError(error);
    if (appError.status >= 500) logger.error('request failed', { code: appError.code, error });
    if (res.headersSent) return;
    res.status(appError.status).json({ error: appError.toPayload() });
  };
  app.use(onError);
  return app;
}

/**
 * Security headers on every response (helmet), with a CSP for the chat page: its own script and
 * styles, the socket on the same origin, nothing framed elsewhere. The widget script is served to
 * intranet pages on other origins, so resources may be loaded cross-origin. The desk pages send
 * their own, stricter CSP.
 */
function securityHeaders() {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        baseUri: ["'none'"],
      },
    },
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    referrerPolicy: { policy: 'same-origin' },
  });
}

/**
 * What an operator reads in /readyz: the error code and, for our own wrapped causes, their first
 * line (e.g. "jira probe failed: project IT does not exist"). Capped; the full cause is logged.
 */
function operatorCause(error: unknown): string {
  const appError = toAppError(error, 'unavailable:dependency');
  const cause = appError.cause instanceof Error ? appError.cause.message.split('\n')[0] : undefined;
  return (cause ? `${appError.code}: ${cause}` : appError.code).slice(0, 300);
}
