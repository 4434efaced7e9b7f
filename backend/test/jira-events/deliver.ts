/** Posts Jira-shaped webhook deliveries to a running server, signed the way Jira Cloud signs. */
import { randomUUID } from 'node:crypto';
import { signBody } from '../../src/shared/signature.js';
import type { TicketUpdate, ChatMessage } from '../../src/contract/index.js';
import type { ClientSocket } from '../support/test-server.js';

export interface DeliverOptions {
  secret?: string;
  /** Overrides the computed signature; `null` sends none. */
  signature?: string | null;
  id?: string;
  /** Appended to `/webhooks/jira`, e.g. `/<token>`. */
  path?: string;
  /** Sent instead of the serialised payload (after signing the payload). */
  tamperedBody?: string;
}

export async function deliver(url: string, payload: unknown, options: DeliverOptions = {}) {
  const body = JSON.stringify(payload);
  const signature =
    options.signature === null ? undefined : (options.signature ?? signBody(options.secret ?? '', body));
  const res = await fetch(`${url}/webhooks/jira${options.path ?? ''}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      'X-Atlassian-Webhook-Identifier': options.id ?? randomUUID(),
      ...(signature ? { 'X-Hub-Signature': signature } : {}),
    },
    body: options.tamperedBody ?? body,
  });
  return { status: res.status, text: await res.text() };
}

/** Everything a socket hears about ticket updates and assistant messages, in order. */
export function recordUpdates(socket: ClientSocket) {
  const updates: TicketUpdate[] = [];
  const messages: ChatMessage[] = [];
  socket.on('ticket:updated', (u) => updates.push(u));
  socket.on('message', (m) => {
    if (m.role === 'assistant') messages.push(m);
  });
  return {
    updates,
    messages,
    clear() {
      updates.length = 0;
      messages.length = 0;
    },
  };
}
