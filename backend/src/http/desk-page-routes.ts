/**
 * The desk's staff pages: sign-in, the ticket list and one ticket with comment and status forms.
 * Pages are HTML for people, so failures are HTML too; without a session they redirect to the
 * sign-in page, which only ever sends the browser back inside the desk.
 */
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import { renderErrorPage, renderIssueList, renderIssuePage, renderLoginPage } from '../desk/desk-pages.js';
import type { DeskService } from '../desk/desk-service.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import { createLimiter as createMemoryLimiter, type CreateLimiter } from '../shared/rate-limit.js';
import { toRequestError } from './request-errors.js';
import type { DeskAuth } from './desk-auth.js';

// Styles inline only; no scripts at all, so an escaping slip still could not run code.
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function createDeskPageRouter(deps: {
  desk: DeskService;
  auth: DeskAuth;
  logger: Logger;
  /** Where the sign-in throttle counts: memory unless the composition root shares it through Redis. */
  createLimiter?: CreateLimiter;
}): Router {
  const { desk, auth, logger } = deps;
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '100kb' });
  const base = (req: Request): string => req.baseUrl;
  // Wrong tokens per address: enough for typos, far too few to guess a token.
  const signIns = (deps.createLimiter ?? createMemoryLimiter)('desk_login', { points: 10, windowSeconds: 300 });

  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  const requireSession: RequestHandler = (req, res, next) => {
    if (auth.hasValidSession(req) || auth.hasValidHeader(req)) return next();
    // A form post cannot be replayed after sign-in; send people back to the page it came from.
    const next_ =
      req.method === 'GET' ? req.originalUrl : `${base(req)}${req.path.replace(/\/(comment|transition)$/, '')}`;
    res.redirect(303, `${base(req)}/login?next=${encodeURIComponent(next_)}`);
  };

  const requireCsrf: RequestHandler = (req, _res, next) => {
    const body: unknown = req.body;
    const token = typeof body === 'object' && body !== null && 'csrf' in body ? body.csrf : undefined;
    if (auth.hasValidHeader(req) || auth.isValidCsrf(token)) return next();
    next(new AppError('forbidden:desk', 'The form expired; reload the page and try again.'));
  };

  router.get('/login', (req, res) => {
    res.type('html').send(renderLoginPage({ base: base(req), next: safeNext(req.query.next, base(req)) }));
  });

  router.post('/login', form, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const next = safeNext(body.next, base(req));
    const address = req.ip ?? 'unknown';
    try {
      await signIns.consume(address);
    } catch (error) {
      logger.warn('desk sign-in throttled', { ip: req.ip });
      const wait = error instanceof AppError && error.retryAfterMs ? Math.ceil(error.retryAfterMs / 1000) : 60;
      res.status(429).set('Retry-After', String(wait)).type('html');
      res.send(renderLoginPage({ base: base(req), next, error: `Too many attempts. Try again in ${wait} seconds.` }));
      return;
    }
    if (typeof body.token === 'string' && auth.isToken(body.token.trim())) {
      await signIns.reward(address);
      auth.setSession(req, res, base(req) || '/');
      res.redirect(303, next);
      return;
    }
    logger.warn('desk sign-in failed', { ip: req.ip });
    res
      .status(401)
      .type('html')
      .send(renderLoginPage({ base: base(req), next, error: 'That token is not right.' }));
  });

  router.post('/logout', form, requireSession, requireCsrf, (req, res) => {
    auth.clearSession(res, base(req) || '/');
    res.redirect(303, `${base(req)}/login`);
  });

  router.get('/', requireSession, async (req, res) => {
    const result = await desk.listIssues({ maxResults: 200 });
    res
      .type('html')
      .send(renderIssueList({ base: base(req), issues: result.issues, total: result.total, csrf: auth.csrf }));
  });

  router.get('/browse/:key', requireSession, async (req, res) => {
    const issue = await desk.getIssue(String(req.params.key));
    const page = renderIssuePage({
      base: base(req),
      issue,
      comments: await desk.listComments(issue),
      transitions: desk.transitions(issue),
      csrf: auth.csrf,
    });
    res.type('html').send(page);
  });

  router.post('/browse/:key/comment', requireSession, form, requireCsrf, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const author =
      typeof body.author === 'string' && body.author.trim() ? body.author.trim().slice(0, 100) : 'IT Staff';
    const issue = await desk.getIssue(String(req.params.key));
    await desk.addComment(issue.key, typeof body.body === 'string' ? body.body : '', {
      name: 'it-staff',
      displayName: author,
      emailAddress: null,
    });
    res.redirect(303, `${base(req)}/browse/${encodeURIComponent(issue.key)}`);
  });

  router.post('/browse/:key/transition', requireSession, form, requireCsrf, async (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const issue = await desk.transition(String(req.params.key), typeof body.to === 'string' ? body.to : '');
    res.redirect(303, `${base(req)}/browse/${encodeURIComponent(issue.key)}`);
  });

  const onError: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const appError = toRequestError(error);
    if (appError.status >= 500) logger.error('desk page failed', { code: appError.code, error });
    if (res.headersSent) return;
    const title =
      appError.kind === 'not_found' ? 'Not found' : appError.status >= 500 ? 'Something went wrong' : 'Cannot do that';
    res
      .status(appError.status)
      .type('html')
      .send(renderErrorPage({ base: base(req), title, message: appError.toPayload().message }));
  };
  router.use(onError);
  return router;
}

/** Only paths inside the desk: an open redirect on a sign-in page is a phishing tool. */
function safeNext(value: unknown, base: string): string {
  const fallback = `${base}/`;
  if (typeof value !== 'string' || !base) return fallback;
  if (value !== base && !value.startsWith(`${base}/`) && !value.startsWith(`${base}?`)) return fallback;
  // `/desk/../x`, backslashes and `//host` tricks: reject anything a browser might normalise away.
  if (/[\\\r\n]|\/\/|\/\.\.?(\/|$|\?)/.test(value)) return fallback;
  return value;
}
