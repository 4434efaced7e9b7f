/**
 * The employee chose to add this problem to their open ticket of the same kind: one comment
 * (`jira_add_comment`) with the new words, the steps tried and the conversation id. Runs after
 * the interrupt, so a resume never repeats it. Afterwards the open ticket is this conversation's
 * ticket ("create a ticket" points to it); a failure says so and leaves "create a new ticket".
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { NodeDeps } from '../deps.js';
import { openTicketComment } from '../open-ticket-comment.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketFactsFrom } from '../ticket-facts.js';
import { ticketMessagesFor } from '../ticket-messages.js';

export function createAddToTicketNode(deps: NodeDeps) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const { problem, escalation, openTicket } = state;
    if (!problem || !escalation || !openTicket)
      throw new Error('adding to a ticket needs a problem and an open ticket');
    const m = ticketMessagesFor(state.language);
    try {
      const comment = openTicketComment(ticketFactsFrom(state, problem, deps.knowledge));
      await deps.tickets.addComment(openTicket.key, comment, config?.signal ? { signal: config.signal } : {});
      deps.logger.info('problem added to an open ticket', { escalationId: escalation.id, key: openTicket.key });
      return {
        ...say(deps, m.addedToOpen(openTicket)),
        escalation: { ...escalation, status: 'created', ticket: openTicket },
        phase: 'closed',
      };
    } catch (error) {
      deps.logger.error('adding to the open ticket failed', {
        escalationId: escalation.id,
        key: openTicket.key,
        error,
      });
      // 'failed' makes "create a new ticket" go straight to creation with this escalation id.
      return {
        ...say(deps, m.addToOpenFailed(openTicket.key), { quickReplies: m.addToOpenFailedReplies }),
        escalation: { ...escalation, status: 'failed' },
      };
    }
  };
}
