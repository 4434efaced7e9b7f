/**
 * Messages the employee sent that the server has not acknowledged yet. They survive a dropped
 * connection and are sent, in order, after the next `session`. A message that was in flight when
 * the connection dropped may or may not have arrived; the resumed history decides (the clientId
 * lets the server drop a duplicate too, but the history check does not depend on that).
 */
import type { ChatMessage } from '@helpdesk/backend/contract';

export interface OutboxEntry {
  clientId: string;
  text: string;
  /** `unknown`: sent, then the connection dropped before the ack. */
  state: 'queued' | 'sending' | 'unknown';
  /** How many user messages with this exact text the history held when it was typed. */
  seenBefore: number;
}

export function createEntry(clientId: string, text: string, history: Iterable<ChatMessage>): OutboxEntry {
  return { clientId, text, state: 'queued', seenBefore: countUserMessages(history, text) };
}

/**
 * After a resumed session: an in-flight entry whose text appears in the history more often than
 * when it was typed has arrived, and is dropped; everything else is queued to be sent again.
 */
export function reconcileOutbox(entries: readonly OutboxEntry[], history: readonly ChatMessage[]): OutboxEntry[] {
  const claimed = new Map<string, number>();
  const remaining: OutboxEntry[] = [];
  for (const entry of entries) {
    if (entry.state === 'unknown') {
      const already = claimed.get(entry.text) ?? 0;
      if (countUserMessages(history, entry.text) - entry.seenBefore > already) {
        claimed.set(entry.text, already + 1);
        continue;
      }
    }
    remaining.push({ ...entry, state: 'queued' });
  }
  return remaining;
}

function countUserMessages(history: Iterable<ChatMessage>, text: string): number {
  let count = 0;
  for (const message of history) if (message.role === 'user' && message.text.trim() === text.trim()) count++;
  return count;
}
