/**
 * The local desk's outgoing webhooks: when a comment is added or a status changes, the desk posts
 * the matching Jira-shaped delivery (`comment_created`, `jira:issue_updated` with a status
 * changelog), signed like Jira Cloud, to the backend's own `/webhooks/jira` over real HTTP, so the
 * loop back to the employee runs exactly as it would from Jira. Fire and forget with a few
 * retries: a staff page never waits for it.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../shared/logger.js';
import { signBody } from '../shared/signature.js';
import { pause } from '../shared/timing.js';
import type { DeskService } from './desk-service.js';
import type { DeskComment, DeskIssue, DeskUser } from './desk-types.js';
import { STATUS_IDS, jiraComment, jiraIssue, jiraUser, type JsonObject } from './presenters/jira-rest.js';

export interface DeskWebhookSenderOptions {
  /** Where to post, e.g. `http://127.0.0.1:3000/webhooks/jira`. */
  url: () => string;
  secret: string;
  logger: Logger;
  /** Waits before each retry; the default gives four attempts within about five seconds. */
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

export interface DeskWebhookSender {
  send(payload: JsonObject): void;
  /** Stops retrying and waits for deliveries in flight. */
  close(): Promise<void>;
}

// No `comment` among them, so a delivery never loads the issue's comments.
const ISSUE_FIELDS = ['summary', 'status', 'labels', 'project', 'issuetype', 'priority'];

export function createDeskWebhookSender(options: DeskWebhookSenderOptions): DeskWebhookSender {
  const { logger } = options;
  const delays = options.retryDelaysMs ?? [250, 1000, 3000];
  const stop = new AbortController();
  const inFlight = new Set<Promise<void>>();

  async function deliver(payload: JsonObject): Promise<void> {
    const body = JSON.stringify(payload);
    // One identifier for every attempt: the receiver dedupes retries on it, as with Jira.
    const id = randomUUID();
    for (let attempt = 0; attempt <= delays.length && !stop.signal.aborted; attempt++) {
      if (attempt > 0) await pause(delays[attempt - 1] ?? 1000, stop.signal);
      if (stop.signal.aborted) return;
      try {
        const res = await fetch(options.url(), {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'X-Hub-Signature': signBody(options.secret, body),
            'X-Atlassian-Webhook-Identifier': id,
            ...(attempt > 0 ? { 'X-Atlassian-Webhook-Retry': String(attempt) } : {}),
            'User-Agent': 'helpdesk-local-desk',
          },
          body,
          signal: AbortSignal.any([stop.signal, AbortSignal.timeout(options.timeoutMs ?? 5000)]),
        });
        if (res.ok) return;
        if (res.status < 500 && res.status !== 429) {
          logger.warn('desk webhook refused', { status: res.status, event: payload['webhookEvent'] });
          return;
        }
      } catch (error) {
        if (stop.signal.aborted) return;
        logger.debug('desk webhook attempt failed', { attempt, error });
      }
    }
    if (!stop.signal.aborted) logger.warn('desk webhook gave up', { event: payload['webhookEvent'] });
  }

  return {
    send(payload) {
      const task = deliver(payload).catch((error: unknown) => logger.error('desk webhook failed', { error }));
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },
    async close() {
      stop.abort();
      await Promise.allSettled([...inFlight]);
    },
  };
}

function commentCreatedPayload(desk: DeskService, issue: DeskIssue, comment: DeskComment): JsonObject {
  return {
    timestamp: Date.now(),
    webhookEvent: 'comment_created',
    comment: jiraComment(issue, comment, desk.baseUrl()),
    issue: jiraIssue(issue, desk.baseUrl(), { fields: ISSUE_FIELDS }),
  };
}

function statusChangedPayload(desk: DeskService, before: DeskIssue, after: DeskIssue, actor: DeskUser): JsonObject {
  return {
    timestamp: Date.now(),
    webhookEvent: 'jira:issue_updated',
    issue_event_type_name: 'issue_generic',
    user: jiraUser(actor, desk.baseUrl()),
    issue: jiraIssue(after, desk.baseUrl(), { fields: ISSUE_FIELDS }),
    changelog: {
      id: randomUUID(),
      items: [
        {
          field: 'status',
          fieldtype: 'jira',
          fieldId: 'status',
          from: STATUS_IDS[before.status],
          fromString: before.status,
          to: STATUS_IDS[after.status],
          toString: after.status,
        },
      ],
    },
  };
}

/** The staff pages do not ask who changes a status; Jira would name the signed-in user. */
const STAFF: DeskUser = { name: 'it-staff', displayName: 'IT Staff', emailAddress: null };

/** The desk, with every comment and status change also sent as a webhook. */
export function withDeskWebhooks(desk: DeskService, sender: DeskWebhookSender): DeskService {
  return {
    ...desk,
    async addComment(keyOrId, body, author) {
      const comment = await desk.addComment(keyOrId, body, author);
      sender.send(commentCreatedPayload(desk, await desk.getIssue(keyOrId), comment));
      return comment;
    },
    async transition(keyOrId, to) {
      const before = await desk.getIssue(keyOrId);
      const after = await desk.transition(keyOrId, to);
      if (after.status !== before.status) sender.send(statusChangedPayload(desk, before, after, STAFF));
      return after;
    },
  };
}
