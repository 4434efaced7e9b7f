/**
 * The Jira webhook deliveries we act on, read with zod and reduced to two events: a comment on an
 * issue, and a status change. Everything else Jira may send parses to `undefined` and is ignored.
 * Shapes: Cloud's admin webhooks (REST v2 JSON, comment bodies in wiki markup or ADF) and Data
 * Center's, which differ only in user identifiers (`name`/`key` instead of `accountId`).
 */
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
    }
  | { kind: 'status'; issueKey: string; status: string; actor: JiraActor | undefined; at: number };

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
        jsdPublic: z.boolean().optional(),
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

/** Jira Service Management marks internal notes with this property (`{ internal: true }`). */
function isInternalNote(properties: Array<{ key: string; value: unknown }> | undefined): boolean {
  return (properties ?? []).some(
    (p) =>
      p.key === 'sd.public.comment' &&
      typeof p.value === 'object' &&
      p.value !== null &&
      'internal' in p.value &&
      p.value.internal === true,
  );
}

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
      isRestricted: Boolean(c.visibility) || c.jsdPublic === false || isInternalNote(c.properties),
      at: timeOf(timestamp, c.updated ?? c.created),
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
    };
  }
  return undefined;
}
