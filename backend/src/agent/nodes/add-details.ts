/**
 * New details for the ticket this conversation made ("here is the error code: 0x80070005"):
 * asked once with `interrupt()` whether to add them as a comment (`jira_add_comment`); after a
 * yes, later details go straight to the ticket, after a no, none are added. On resume LangGraph
 * re-runs this node from the top, so nothing before `interrupt()` has effects.
 */
import { interrupt } from '@langchain/langgraph';
import { chatDetailsComment } from '../../tickets/chat-details-comment.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { classifyConfirmation } from '../reading/intent.js';
import { say } from '../say.js';
import type { Prompt, SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketMessagesFor } from '../ticket-messages.js';

export function createAddDetailsNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const ticket = state.escalation?.ticket;
    if (!ticket) throw new Error('no ticket to add details to');
    if (!state.user) return say(deps, messagesFor(state.language).existing(ticket));
    const m = ticketMessagesFor(state.language);
    const details = state.input.trim();
    const consent = state.detailsConsent?.key === ticket.key ? state.detailsConsent.answer : undefined;
    if (consent === 'no') return say(deps, messagesFor(state.language).existing(ticket));

    const asked = consent !== 'yes';
    if (asked) {
      const prompt: Prompt = { text: m.askAddDetails(ticket.key), quickReplies: m.addDetailsReplies };
      const answer: unknown = interrupt(prompt);
      const text = typeof answer === 'string' ? answer.trim() : '';
      if (classifyConfirmation(text) !== 'confirm') {
        return reply(deps, m.detailsNotAdded(ticket.key), { key: ticket.key, answer: 'no' });
      }
    }
    try {
      await deps.tickets.addComment(ticket.key, chatDetailsComment(state.user, details));
      const text = asked ? m.detailsAdded(ticket.key) : m.detailsAddedAgain(ticket.key);
      return reply(deps, text, { key: ticket.key, answer: 'yes' });
    } catch (error) {
      deps.logger.error('adding details to the ticket failed', { key: ticket.key, error });
      return reply(deps, m.detailsFailed(ticket.key), { key: ticket.key, answer: 'yes' });
    }
  };
}

function reply(
  deps: NodeDeps,
  text: string,
  detailsConsent: NonNullable<SupportStateValue['detailsConsent']>,
): SupportStateUpdate {
  return { ...say(deps, text), detailsConsent };
}
