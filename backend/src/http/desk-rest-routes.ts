/**
 * The Jira REST v2 subset that mcp-atlassian (Server/Data Center mode) calls, served by the local
 * desk: issue create/get, comments, search, transitions, myself, field, serverInfo. Errors use
 * Jira's body `{ errorMessages: [...], errors: { field: message } }`. Authentication is the
 * caller's job (desk-routes.ts).
 */
import express, { type ErrorRequestHandler, type Request, type Router } from 'express';
import { z } from 'zod';
import type { DeskService } from '../desk/desk-service.js';
import type { CreateIssueInput } from '../desk/desk-types.js';
import {
  ISSUE_TYPE_IDS,
  PRIORITY_IDS,
  jiraComment,
  jiraCommentPage,
  jiraFieldList,
  jiraIssue,
  jiraIssueRef,
  jiraSearchResult,
  jiraServerInfo,
  jiraTransitions,
  jiraUser,
  selectsJiraField,
} from '../desk/presenters/jira-rest.js';
import { AppError } from '../shared/errors.js';
import { toRequestError } from './request-errors.js';
import type { Logger } from '../shared/logger.js';

const named = z
  .object({ name: z.string().optional(), id: z.union([z.string(), z.number()]).optional(), key: z.string().optional() })
  .loose();

const createIssueSchema = z.object({
  fields: z
    .object({
      project: named,
      summary: z.string({ error: 'You must specify a summary of the issue.' }),
      description: z.string().nullable().optional(),
      issuetype: named,
      labels: z.array(z.string()).optional(),
      priority: named.nullable().optional(),
      components: z.array(named).optional(),
      assignee: named.nullable().optional(),
    })
    .loose(),
});

const commentSchema = z.object({ body: z.string({ error: 'Comment body can not be empty!' }) }).loose();
const transitionSchema = z.object({ transition: named }).loose();
const searchBodySchema = z
  .object({
    jql: z.string().optional(),
    startAt: z.coerce.number().int().min(0).optional(),
    maxResults: z.coerce.number().int().min(0).optional(),
    fields: z.union([z.array(z.string()), z.string()]).optional(),
  })
  .loose();

/** Surfaces that name a Jira field: their messages go under `errors[field]`, as Jira does. */
const FIELD_SURFACES = new Set([
  'project',
  'summary',
  'issuetype',
  'priority',
  'labels',
  'description',
  'comment',
  'components',
]);

export function createDeskRestRouter(deps: { desk: DeskService; logger: Logger }): Router {
  const { desk, logger } = deps;
  const router = express.Router();
  router.use(express.json({ limit: '1mb' }));

  router.get('/serverInfo', (_req, res) => {
    res.json(jiraServerInfo(desk.baseUrl()));
  });

  router.get('/myself', (_req, res) => {
    res.json(jiraUser(desk.user, desk.baseUrl()));
  });

  router.get('/field', (_req, res) => {
    res.json(jiraFieldList());
  });

  router.post('/issue', async (req, res) => {
    const { fields } = parseBody(createIssueSchema, req.body);
    const input: CreateIssueInput = {
      projectKey: fields.project.key ?? String(fields.project.id ?? ''),
      summary: fields.summary,
      issueType: fields.issuetype.name ?? nameForId(ISSUE_TYPE_IDS, fields.issuetype.id),
    };
    if (fields.description) input.description = fields.description;
    if (fields.labels) input.labels = fields.labels;
    if (fields.priority) input.priority = fields.priority.name ?? nameForId(PRIORITY_IDS, fields.priority.id);
    if (fields.components) input.components = fields.components.map((c) => c.name ?? '').filter(Boolean);
    if (fields.assignee?.name) input.assignee = fields.assignee.name;
    const issue = await desk.createIssue(input);
    res.status(201).json(jiraIssueRef(issue, desk.baseUrl()));
  });

  router.get('/issue/:key', async (req, res) => {
    const issue = await desk.getIssue(String(req.params.key));
    const fields = listParam(req.query.fields);
    const comments = selectsJiraField(fields, 'comment') ? await desk.listComments(issue) : undefined;
    res.json(jiraIssue(issue, desk.baseUrl(), { fields, comments }));
  });

  router.get('/issue/:key/comment', async (req, res) => {
    const issue = await desk.getIssue(String(req.params.key));
    const startAt = intParam(req.query.startAt, 0);
    const maxResults = intParam(req.query.maxResults, 1000);
    res.json(jiraCommentPage(issue, await desk.listComments(issue), desk.baseUrl(), startAt, maxResults));
  });

  router.post('/issue/:key/comment', async (req, res) => {
    const { body } = parseBody(commentSchema, req.body);
    const comment = await desk.addComment(String(req.params.key), body);
    const issue = await desk.getIssue(String(req.params.key));
    res.status(201).json(jiraComment(issue, comment, desk.baseUrl()));
  });

  router.get('/issue/:key/transitions', async (req, res) => {
    const issue = await desk.getIssue(String(req.params.key));
    res.json(jiraTransitions(desk.transitions(issue), desk.baseUrl()));
  });

  router.post('/issue/:key/transitions', async (req, res) => {
    const { transition } = parseBody(transitionSchema, req.body);
    const target = transition.id !== undefined ? String(transition.id) : (transition.name ?? '');
    await desk.transition(String(req.params.key), target);
    res.status(204).end();
  });

  const search = async (req: Request, params: z.infer<typeof searchBodySchema>) => {
    const result = await desk.search(params.jql ?? '', {
      ...(params.startAt !== undefined ? { startAt: params.startAt } : {}),
      ...(params.maxResults !== undefined ? { maxResults: params.maxResults } : {}),
    });
    const fields = Array.isArray(params.fields) ? params.fields : listParam(params.fields);
    logger.debug('desk search', { jql: params.jql, total: result.total, path: req.path });
    const comments = selectsJiraField(fields, 'comment') ? await desk.commentsByIssue(result.issues) : undefined;
    return jiraSearchResult(result, desk.baseUrl(), fields, comments);
  };
  router.get('/search', async (req, res) => {
    res.json(await search(req, parseBody(searchBodySchema, req.query)));
  });
  router.post('/search', async (req, res) => {
    res.json(await search(req, parseBody(searchBodySchema, req.body ?? {})));
  });

  router.use((req, _res, next) => {
    next(
      new AppError('not_found:rest', `No REST resource at ${req.method} ${req.baseUrl}${req.path} on the local desk.`),
    );
  });

  const onError: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    const appError = toRequestError(error);
    if (appError.status >= 500) logger.error('desk REST request failed', { code: appError.code, error });
    if (res.headersSent) return;
    const { message } = appError.toPayload();
    const surface = appError.code.slice(appError.code.indexOf(':') + 1);
    const isFieldError = appError.kind === 'bad_request' && FIELD_SURFACES.has(surface);
    res.status(appError.status).json({
      errorMessages: isFieldError ? [] : [message],
      errors: isFieldError ? { [surface]: message } : {},
    });
  };
  router.use(onError);
  return router;
}

function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.filter((p) => p !== 'fields')[0];
  const surface = typeof field === 'string' && FIELD_SURFACES.has(field) ? field : 'body';
  throw new AppError(
    `bad_request:${surface}`,
    issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'Invalid request body.',
  );
}

function nameForId(table: Record<string, string>, id: string | number | undefined): string {
  if (id === undefined) return '';
  return Object.entries(table).find(([, value]) => value === String(id))?.[0] ?? `#${id}`;
}

function listParam(value: unknown): string[] | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function intParam(value: unknown, fallback: number): number {
  const n = typeof value === 'string' ? Number.parseInt(value, 10) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
