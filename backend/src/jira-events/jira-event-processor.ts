/**
 * Applies verified Jira deliveries to the employee's chat: maps the issue key to the conversation
 * the ticket came from, drops replays and deliveries older than what was applied, skips the bot's
 * own and restricted comments, then stores an assistant message (so an offline employee finds it
 * in `session` history) and pushes `ticket:updated` plus that message to the conversation's room.
 */
import { chatCopyFor } from '../chat/chat-copy.js';
import type { Publish } from '../chat/ports.js';
import { createTurnQueue } from '../chat/turn-queue.js';
import type { ChatMessage, TicketRef, TicketUpdate } from '../contract/index.js';
import type { Logger } from '../shared/logger.js';
import { BOT_COMMENT_MARKER, type Language } from '../domain/index.js';
import type { TicketConversations, WebhookDeliveries } from './ports.js';
import { parseJiraEvent, type JiraActor, type JiraEvent } from './jira-payloads.js';

const MAX_COMMENT_CHARS = 2000;

export type ProcessOutcome =
  'applied' | 'duplicate' | 'stale' | 'ignored' | 'unknown-ticket' | 'own-comment' | 'restricted';

export interface JiraEventProcessorDeps {
  conversations: TicketConversations;
  deliveries: WebhookDeliveries;
  publish: Publish;
  /** Account ids, user names or emails the bot comments as (compared case-insensitively). */
  botIdentities: readonly string[];
  logger: Logger;
}

export interface JiraDelivery {
  /** `X-Atlassian-Webhook-Identifier`, or a digest of the body when Jira sends none. */
  id: string;
  payload: unknown;
}

export interface JiraEventProcessor {
  /** Deliveries are applied one at a time, in the order they were handed in. */
  process(delivery: JiraDelivery): Promise<ProcessOutcome>;
}

export function createJiraEventProcessor(deps: JiraEventProcessorDeps): JiraEventProcessor {
  const { conversations, deliveries, publish, logger } = deps;
  const botIds = new Set(deps.botIdentities.map((id) => id.trim().toLowerCase()).filter(Boolean));
  const isBot = (actor: JiraActor): boolean => actor.ids.some((id) => botIds.has(id.toLowerCase()));

  function skipReason(event: JiraEvent): ProcessOutcome | undefined {
    if (event.kind !== 'comment') return undefined;
    // The marker catches the bot's comments even when it shares an account with people.
    if (isBot(event.author) || event.text.includes(BOT_COMMENT_MARKER)) return 'own-comment';
    if (event.isRestricted) return 'restricted';
    if (!event.text.trim()) return 'ignored';
    return undefined;
  }

  async function apply(event: JiraEvent, conversationId: string, ticket: TicketRef, language?: Language) {
    const copy = chatCopyFor(language);
    const at = new Date(event.at).toISOString();
    let update: TicketUpdate;
    let text: string;
    if (event.kind === 'comment') {
      const comment = clip(event.text, MAX_COMMENT_CHARS);
      update = {
        key: ticket.key,
        url: ticket.url,
        kind: 'comment',
        comment: { author: event.author.displayName, text: comment },
        at,
      };
      text = copy.comment({ key: ticket.key, author: event.author.displayName, text: comment });
    } else {
      await conversations.updateTicketStatus(ticket.key, event.status);
      update = { key: ticket.key, url: ticket.url, kind: 'status', status: event.status, at };
      text = copy.status({ key: ticket.key, status: event.status });
    }
    const message: ChatMessage = await conversations.addMessage({ conversationId, role: 'assistant', text });
    publish(conversationId, 'ticket:updated', update);
    publish(conversationId, 'message', message);
  }

  async function processNow(delivery: JiraDelivery): Promise<ProcessOutcome> {
    const event = parseJiraEvent(delivery.payload);
    const ticket = event ? await conversations.findTicket(event.issueKey) : undefined;
    const skip = !event ? 'ignored' : !ticket ? 'unknown-ticket' : skipReason(event);
    if (skip || !event || !ticket) {
      // Remembered all the same, so that a replay is answered as one.
      const seen = !(await deliveries.remember(delivery.id));
      const outcome = seen ? 'duplicate' : (skip ?? 'ignored');
      logger.debug('jira delivery not applied', { deliveryId: delivery.id, outcome });
      return outcome;
    }
    const scope = event.kind === 'comment' ? `comment:${event.commentId}` : 'status';
    const verdict = await deliveries.claim({
      deliveryId: delivery.id,
      eventKey: `${event.issueKey}:${event.eventKey}`,
      issueKey: event.issueKey,
      scope,
      at: event.at,
    });
    if (verdict !== 'apply') {
      logger.info('jira delivery skipped', { deliveryId: delivery.id, key: event.issueKey, verdict });
      return verdict;
    }
    // A second webhook registration (or Jira's own retry under a new id) repeats a status.
    if (event.kind === 'status' && ticket.ticket.status === event.status) return 'ignored';
    await apply(event, ticket.conversationId, ticket.ticket, ticket.language);
    logger.info('jira delivery applied', { deliveryId: delivery.id, key: event.issueKey, kind: event.kind });
    return 'applied';
  }

  // One delivery at a time: reading the ticket, claiming the delivery and applying it must not
  // interleave with another delivery for the same issue (a newer status overwritten by an older).
  const serial = createTurnQueue();
  return { process: (delivery) => serial.run('deliveries', () => processNow(delivery)) };
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
