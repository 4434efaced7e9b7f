/**
 * The Jira webhook deliveries we act on, read with zod and reduced to two events: a comment on an
 * issue, and a status change. Everything else Jira may send parses to `undefined` and is ignored.
 * Shapes: Cloud's admin webhooks (REST v2 JSON, comment bodies in wiki markup or ADF) and Data
 * Center's, which differ only in user identifiers (`name`/`key` instead of `accountId`).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { adfToText, isAdfDocument } from './adf-to-text.js';
import { wikiToText } from './wiki-to-text.js';

export interface JiraActor {
  displayName: string;
  /** accountId (Cloud), name/key (Data Center), email when visible: any of them may name the bot. */
  ids: string[];
}

export type JiraEvent =
  | {
      kind: 'comment';
      issueKey: string;
      commentId: string;
      author: JiraActor;
      text: string;
      /** Restricted to a role or group, or a JSM internal note: never shown to the employee. */
      isRestricted: boolean;
      /** Milliseconds since the epoch, from Jira. */
      at: number;
      /** The event itself, the same in every replay of it: comment id, kind and edit time. */
      eventKey: string;
    }
  | {
      kind: 'status';
      issueKey: string;
      status: string;
      actor: JiraActor | undefined;
      at: number;
      /** The change itself: changelog id, new status and Jira's time of it. */
      eventKey: string;
    };

const userSchema = z
  .object({
    displayName: z.string().optional(),
    accountId: z.string().optional(),
    name: z.string().optional(),
    key: z.string().optional(),
    emailAddress: z.string().nullable().optional(),
  })
  .loose();

const issueSchema = z
  .object({
    key: z.string().min(1),
    fields: z
      .object({ status: z.object({ name: z.string() }).loose().nullable().optional() })
      .loose()
      .optional(),
  })
  .loose();

const commentEventSchema = z
  .object({
    webhookEvent: z.enum(['comment_created', 'comment_updated']),
    timestamp: z.number().optional(),
    issue: issueSchema,
    comment: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String),
        author: userSchema.optional(),
        updateAuthor: userSchema.optional(),
        body: z.unknown(),
        created: z.string().optional(),
        updated: z.string().optional(),
        visibility: z.object({ type: z.string(), value: z.string().optional() }).loose().nullable().optional(),
        // JSM sends a boolean; some proxies and automation rules send "false".
        jsdPublic: z.union([z.boolean(), z.string()]).optional(),
        properties: z.array(z.object({ key: z.string(), value: z.unknown() }).loose()).optional(),
      })
      .loose(),
  })
  .loose();

const issueUpdatedSchema = z
  .object({
    webhookEvent: z.literal('jira:issue_updated'),
    timestamp: z.number().optional(),
    user: userSchema.optional(),
    issue: issueSchema,
    changelog: z
      .object({
        id: z.union([z.string(), z.number()]).transform(String).optional(),
        // Records, not objects: a `toString` key would be looked up on Object.prototype when absent.
        items: z.array(z.record(z.string(), z.unknown())),
      })
      .loose()
      .optional(),
  })
  .loose();

type JiraUser = z.infer<typeof userSchema>;

function toActor(user: JiraUser | undefined): JiraActor {
  const ids = [user?.accountId, user?.name, user?.key, user?.emailAddress ?? undefined].filter(
    (v): v is string => typeof v === 'string' && v !== '',
  );
  return { displayName: user?.displayName?.trim() || user?.name || 'IT', ids };
}

function timeOf(timestamp: number | undefined, fallback: string | undefined): number {
  if (timestamp !== undefined) return timestamp;
  const parsed = fallback ? Date.parse(fallback) : NaN;
  return Number.isNaN(parsed) ? Date.now() : parsed;
}

/** A comment body is wiki markup (a string) in REST v2 shapes and ADF (an object) in v3 shapes. */
export function commentBodyToText(body: unknown): string {
  if (typeof body === 'string') return wikiToText(body);
  if (isAdfDocument(body)) return adfToText(body);
  return '';
}

/**
 * Jira Service Management marks internal notes with the `sd.public.comment` property
 * (`{ internal: true }`); the value also arrives as a JSON string, and `internal` as "true".
 */
function isInternalNote(properties: Array<{ key: string; value: unknown }> | undefined): boolean {
  return (properties ?? []).some((p) => p.key === 'sd.public.comment' && isTrue(fieldOf(p.value, 'internal')));
}

function fieldOf(value: unknown, field: string): unknown {
  let object = value;
  if (typeof value === 'string') {
    try {
      object = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  return typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[field] : undefined;
}

const isTrue = (value: unknown): boolean => value === true || (typeof value === 'string' && value.trim() === 'true');
const isFalse = (value: unknown): boolean => value === false || (typeof value === 'string' && value.trim() === 'false');

export function parseJiraEvent(payload: unknown): JiraEvent | undefined {
  const comment = commentEventSchema.safeParse(payload);
  if (comment.success) {
    const { issue, comment: c, timestamp } = comment.data;
    const author = comment.data.webhookEvent === 'comment_updated' ? (c.updateAuthor ?? c.author) : c.author;
    return {
      kind: 'comment',
      issueKey: issue.key,
      commentId: c.id,
      author: toActor(author),
      text: commentBodyToText(c.body),
      isRestricted: Boolean(c.visibility) || isFalse(c.jsdPublic) || isInternalNote(c.properties),
      at: timeOf(timestamp, c.updated ?? c.created),
      eventKey: `comment:${c.id}:${c.updated ?? c.created ?? ''}:${digest(commentBodyToText(c.body))}`,
    };
  }
  const updated = issueUpdatedSchema.safeParse(payload);
  if (updated.success) {
    const { issue, changelog, timestamp, user } = updated.data;
    const change = changelog?.items.find(
      (i) => i['fieldId'] === 'status' || (typeof i['field'] === 'string' && i['field'].toLowerCase() === 'status'),
    );
    if (!change) return undefined;
    const to = Object.hasOwn(change, 'toString') ? change['toString'] : undefined;
    const status = typeof to === 'string' && to ? to : issue.fields?.status?.name;
    if (!status) return undefined;
    return {
      kind: 'status',
      issueKey: issue.key,
      status,
      actor: user ? toActor(user) : undefined,
      at: timeOf(timestamp, undefined),
      eventKey: `status:${changelog?.id ?? ''}:${status}:${timestamp ?? ''}`,
    };
  }
  return undefined;
}

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url').slice(0, 16);
