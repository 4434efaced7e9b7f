/**
 * What the Jira event processor needs from outside, declared by it: the conversation a ticket
 * came from (implemented by store/), what was already applied (store/), and `Publish` from the
 * chat (implemented by socket/).
 */
import type { ChatMessage, TicketRef } from '../contract/index.js';
import type { Language } from '../domain/index.js';
import type { NewMessage } from '../chat/ports.js';

export interface TicketConversations {
  /** Which conversation a ticket was created from (Jira webhooks carry only the issue key). */
  findTicket(key: string): Promise<{ conversationId: string; ticket: TicketRef; language?: Language } | undefined>;
  updateTicketStatus(key: string, status: string): Promise<void>;
  addMessage(message: NewMessage): Promise<ChatMessage>;
}

export type DeliveryVerdict = 'apply' | 'duplicate' | 'stale';

export interface ClaimInput {
  deliveryId: string;
  /** The event itself (see JiraEvent.eventKey): a replay under a new delivery id is still a duplicate. */
  eventKey: string;
  issueKey: string;
  scope: string;
  at: number;
}

/** What the webhook receiver has already done; survives restarts. */
export interface WebhookDeliveries {
  /**
   * Records the delivery and the event and, unless either was seen before or the event is older
   * than what was applied for this issue and scope, marks its time as applied. One transaction: two replicas (or two quick
   * deliveries) cannot both get `apply` for the same delivery.
   */
  claim(input: ClaimInput): Promise<DeliveryVerdict>;
  /** Records a delivery that carried nothing to apply, so a replay is recognised too; false when seen before. */
  remember(deliveryId: string): Promise<boolean>;
}
