/**
 * Fixes the escalation id and writes the offer, so that the interrupt node after it only asks.
 * This node runs once per offer; the interrupt node re-runs on resume and must compute nothing.
 */
import { buildTicketDraft } from '../../tickets/ticket-draft.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES } from '../messages.js';
import type { Escalation, SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketFactsFrom } from '../ticket-facts.js';

export function createPrepareOfferNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const problem = state.problem;
    if (!problem) throw new Error('an offer needs a problem');
    // One escalation per problem: a re-offer after a decline or a failed create keeps the id,
    // so a ticket that was in fact created upstream is found rather than duplicated.
    const sequence = state.escalation ? state.escalationSeq : state.escalationSeq + 1;
    const escalation: Escalation = {
      id: state.escalation?.id ?? `${state.conversationId}:${sequence}`,
      status: 'offered',
    };
    const draft = buildTicketDraft(ticketFactsFrom(state, problem, deps.knowledge));
    const playbookId = problem.playbookIds[problem.playbookIds.length - 1];
    const playbook = playbookId === undefined ? undefined : deps.knowledge.get(playbookId);
    const text = messagesFor(state.language).offer({
      reason: state.offerReason ?? 'asked',
      summary: draft.summary,
      category: problem.category,
      priority: problem.priority,
      steps: state.steps,
      ...(playbook ? { playbookTitle: playbook.title, escalateWhen: playbook.escalateWhen } : {}),
    });
    return {
      escalationSeq: sequence,
      escalation,
      prompt: { text, quickReplies: OFFER_QUICK_REPLIES[state.language] },
      transcript: [{ role: 'assistant', text, at: deps.now().toISOString() }],
    };
  };
}
