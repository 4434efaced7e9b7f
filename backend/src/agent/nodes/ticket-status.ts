/**
 * "What's the status of my ticket?" / "my tickets": this conversation's ticket, fresh from Jira
 * (`jira_get_issue`), and the employee's other open bot tickets (`jira_search`), with links.
 * When Jira cannot be reached, what the conversation last knew, said as such.
 */
import type { TicketRef } from '../../contract/index.js';
import type { NodeDeps } from '../deps.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { ownerOf } from '../ticket-facts.js';
import { ticketMessagesFor } from '../ticket-messages.js';

export function createTicketStatusNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = ticketMessagesFor(state.language);
    const own = state.escalation?.status === 'created' ? state.escalation.ticket : undefined;
    const owner = state.user ? ownerOf(state) : undefined;
    try {
      const [fresh, open] = await Promise.all([
        own ? deps.tickets.get(own.key) : undefined,
        owner ? deps.tickets.listOpen(owner) : [],
      ]);
      const tickets: TicketRef[] = [...(fresh ? [fresh] : []), ...open.filter((t) => t.key !== fresh?.key)];
      return say(deps, tickets.length > 0 ? m.status(tickets) : m.noTickets());
    } catch (error) {
      deps.logger.warn('ticket status look-up failed', { conversationId: state.conversationId, error });
      return say(deps, m.lookupFailed(own ? [own] : []));
    }
  };
}
