/** The card that shows an escalation ticket: key, summary, status and a link to it. */
import type { TicketInfo } from './chat-screen.js';
import { h, isHttpUrl } from './dom.js';

export function createTicketCard(ticket: TicketInfo): HTMLElement {
  const card = h(
    'article',
    {
      class: 'ticket-card',
      attrs: { 'data-key': ticket.key, 'aria-label': `Ticket ${ticket.key}`, part: 'ticket-card' },
    },
    h(
      'div',
      { class: 'ticket-head' },
      h('span', { class: 'ticket-label', text: 'Ticket' }),
      h('span', { class: 'ticket-key', text: ticket.key }),
      h('span', { class: 'ticket-status' }),
    ),
    h('p', { class: 'ticket-summary' }),
    h('p', { class: 'ticket-actions' }),
  );
  updateTicketCard(card, ticket);
  return card;
}

/** Only fields that are present change, so a status update keeps the summary. */
export function updateTicketCard(card: HTMLElement, ticket: TicketInfo): void {
  if (ticket.status !== undefined) {
    const status = card.querySelector<HTMLElement>('.ticket-status');
    if (status) {
      status.textContent = ticket.status;
      status.dataset['tone'] = statusTone(ticket.status);
    }
  }
  if (ticket.summary !== undefined) {
    const summary = card.querySelector<HTMLElement>('.ticket-summary');
    if (summary) summary.textContent = ticket.summary;
  }
  if (ticket.url !== undefined) {
    const actions = card.querySelector<HTMLElement>('.ticket-actions');
    // A server-supplied URL becomes an href only when it is plainly http(s).
    if (actions && isHttpUrl(ticket.url)) {
      actions.replaceChildren(
        h('a', {
          class: 'ticket-link',
          text: `Open ${ticket.key}`,
          attrs: { href: ticket.url, target: '_blank', rel: 'noopener' },
        }),
      );
    }
  }
}

function statusTone(status: string): string {
  const s = status.toLowerCase();
  if (/(done|resolved|closed|fixed|complete)/.test(s)) return 'done';
  if (/(progress|review|waiting|pending)/.test(s)) return 'active';
  return 'open';
}
