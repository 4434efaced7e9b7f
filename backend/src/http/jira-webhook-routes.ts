/**
 * `POST /webhooks/jira` (Jira Cloud admin webhooks, signed: `X-Hub-Signature: sha256=<hex>` over
 * the raw body) and `POST /webhooks/jira/<secret>` (setups that cannot sign, e.g. Data Center).
 * The signature is checked on the bytes as received, before any parsing; anything unverified gets
 * a 401 with an empty body. Verified deliveries are answered at once and applied just after, so a
 * slow step never makes Jira time out and resend.
 */
import { createHash } from 'node:crypto';
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import type { JiraEventProcessor } from '../jira-events/jira-event-processor.js';
import { isSameSecret, isValidSignature } from '../shared/signature.js';
import type { Logger } from '../shared/logger.js';
import { createLimiter as createMemoryLimiter, type CreateLimiter } from '../shared/rate-limit.js';
import type { Metrics } from '../shared/metrics.js';

export interface JiraWebhookRouterDeps {
  /** Undefined: no secret configured, every delivery is refused. */
  secret: string | undefined;
  processor: JiraEventProcessor;
  logger: Logger;
  metrics: Metrics;
  /** Where the per-source limit counts: memory unless the composition root shares it through Redis. */
  createLimiter?: CreateLimiter;
}

const MAX_DELIVERY_ID = 200;

export function createJiraWebhookRouter(deps: JiraWebhookRouterDeps): Router {
  const { secret, processor, logger } = deps;
  const router = express.Router();
  const received = deps.metrics.counter('helpdesk_jira_webhooks_total', 'Jira webhook deliveries, by outcome.', {
    labels: ['outcome'],
  });
  // Raw bytes, whatever the content type: the signature covers exactly what was sent.
  const raw = express.raw({ type: () => true, limit: '1mb' });

  const refuse = (res: Response, reason: string, req: Request): void => {
    received.inc({ outcome: 'refused' });
    logger.warn('jira webhook refused', { reason, ip: req.ip });
    res.status(401).end();
  };

  // Per source address: Jira Cloud sends from a few addresses, so this is wide; it stops a flood.
  const perSource = (deps.createLimiter ?? createMemoryLimiter)('webhook', { points: 1200, windowSeconds: 60 });

  const receive = async (req: Request, res: Response): Promise<void> => {
    try {
      await perSource.consume(req.ip ?? 'unknown');
    } catch {
      received.inc({ outcome: 'throttled' });
      res.status(429).set('Retry-After', '10').end();
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const token = typeof req.params['token'] === 'string' ? req.params['token'] : undefined;
    if (!secret) return refuse(res, 'no webhook secret configured', req);
    if (
      token !== undefined ? !isSameSecret(token, secret) : !isValidSignature(secret, body, req.get('x-hub-signature'))
    ) {
      return refuse(res, token !== undefined ? 'bad path token' : 'bad or missing signature', req);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      received.inc({ outcome: 'malformed' });
      res.status(400).end();
      return;
    }
    const header = req.get('x-atlassian-webhook-identifier')?.trim();
    const id =
      header && header.length <= MAX_DELIVERY_ID ? header : `sha256:${createHash('sha256').update(body).digest('hex')}`;
    res.status(202).end();
    setImmediate(() => {
      processor.process({ id, payload }).then(
        (outcome) => received.inc({ outcome }),
        (error: unknown) => {
          received.inc({ outcome: 'failed' });
          logger.error('jira webhook processing failed', { deliveryId: id, error });
        },
      );
    });
  };

  router.post('/', raw, receive);
  router.post('/:token', raw, receive);

  const onError: ErrorRequestHandler = (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status =
      typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number'
        ? error.status
        : 500;
    if (status >= 500) logger.error('jira webhook failed', { error });
    res.status(status).end();
  };
  router.use(onError);
  return router;
}
