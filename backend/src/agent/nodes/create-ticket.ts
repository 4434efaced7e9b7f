/**
 * Creates the ticket, in its own node so that resuming the interrupt never re-runs it. The
 * escalation id goes to the port, which returns the first ticket for a repeated id; a failure
 * keeps the id so "create a ticket" later retries the same escalation.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { AppError } from '../../shared/errors.js';
import { TICKET_QUEUED } from '../../tickets/ports.js';
import { buildTicketDraft } from '../../tickets/ticket-draft.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketFactsFrom } from '../ticket-facts.js';

const REQUEST_LABEL = 'request';

export function createCreateTicketNode(deps: NodeDeps) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    const { problem, escalation } = state;
    if (!problem || !escalation) throw new Error('creating a ticket needs a problem and an escalation');
    if (escalation.status === 'created' && escalation.ticket) return say(deps, m.existing(escalation.ticket));

    const built = buildTicketDraft(ticketFactsFrom(state, problem, deps.knowledge));
    // A request (access, a licence, software) is marked as one in IT's queue (docs/conversations.md).
    const draft = problem.kind === 'request' ? { ...built, labels: [...(built.labels ?? []), REQUEST_LABEL] } : built;
    try {
      const ticket = await deps.tickets.create(draft, {
        escalationId: escalation.id,
        conversationId: state.conversationId,
        ...(config?.signal ? { signal: config.signal } : {}),
      });
      deps.logger.info('ticket created', { escalationId: escalation.id, key: ticket.key });
      return {
        ...say(deps, m.created(ticket), { ticket }),
        escalation: { ...escalation, status: 'created', ticket },
        phase: 'closed',
      };
    } catch (error) {
      // Queued: the outbox holds the escalation and posts the ticket here once it exists.
      const isQueued = error instanceof AppError && error.code === TICKET_QUEUED;
      deps.logger.error('ticket creation failed', { escalationId: escalation.id, queued: isQueued, error });
      return {
        ...say(deps, isQueued ? m.queued() : m.createFailed()),
        escalation: { ...escalation, status: 'failed' },
      };
    }
  };
}
