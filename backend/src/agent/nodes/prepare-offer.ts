/**
 * Fixes the escalation id, looks up the employee's open ticket in the same category, and writes
 * the offer, so that the interrupt node after it only asks. This node runs once per offer; the
 * interrupt node re-runs on resume and must compute nothing, so the look-up's result is state.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { TicketRef } from '../../contract/index.js';
import { withTimeout } from '../../shared/timing.js';
import { buildTicketDraft } from '../../tickets/ticket-draft.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES, playbookTitleFor } from '../messages.js';
import type { Escalation, Problem, Prompt, SupportStateUpdate, SupportStateValue } from '../state.js';
import { ownerOf, ticketFactsFrom } from '../ticket-facts.js';
import { priorityReasonFor, ticketMessagesFor } from '../ticket-messages.js';
import { offerIntro } from '../urgent-messages.js';

const DEFAULT_LOOKUP_MS = 5_000;

export function createPrepareOfferNode(deps: NodeDeps) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const problem = state.problem;
    if (!problem) throw new Error('an offer needs a problem');
    // One escalation per problem: a re-offer after a decline or a failed create keeps the id,
    // so a ticket that was in fact created upstream is found rather than duplicated.
    const sequence = state.escalation ? state.escalationSeq : state.escalationSeq + 1;
    const escalation: Escalation = {
      id: state.escalation?.id ?? `${state.conversationId}:${sequence}`,
      status: 'offered',
    };
    const reason = state.offerReason ?? 'asked';
    const openTicket = await findOpenTicket(deps, state, problem, config?.signal);
    let prompt: Prompt;
    if (openTicket) {
      const m = ticketMessagesFor(state.language);
      const text = m.openTicketOffer({ ticket: openTicket, category: problem.category, reason });
      prompt = { text, quickReplies: m.openTicketReplies(openTicket.key) };
    } else {
      const facts = ticketFactsFrom(state, problem, deps.knowledge);
      const draft = buildTicketDraft(facts);
      const playbookId = problem.playbookIds[problem.playbookIds.length - 1];
      const playbook = playbookId === undefined ? undefined : deps.knowledge.get(playbookId);
      const text = messagesFor(state.language).offer({
        reason,
        ...offerIntro(reason, problem, state.language, playbook),
        summary: draft.summary,
        category: problem.category,
        priority: draft.priority ?? facts.priority,
        ...(facts.priorityBasis
          ? { priorityReason: priorityReasonFor(facts.priorityBasis, state.language, facts.priority) }
          : {}),
        steps: state.steps,
        ...(playbook
          ? { playbookTitle: playbookTitleFor(playbook, state.language), escalateWhen: playbook.escalateWhen }
          : {}),
      });
      prompt = { text, quickReplies: OFFER_QUICK_REPLIES[state.language] };
    }
    return {
      escalationSeq: sequence,
      escalation,
      openTicket,
      prompt,
      transcript: [{ role: 'assistant', text: prompt.text, at: deps.now().toISOString() }],
    };
  };
}

/**
 * The newest open bot ticket of this employee in this category, or null. Best effort: a slow or
 * failing ticket system must not hold up the offer, which then offers a new ticket as usual.
 */
async function findOpenTicket(
  deps: NodeDeps,
  state: SupportStateValue,
  problem: Problem,
  signal: AbortSignal | undefined,
): Promise<TicketRef | null> {
  if (!state.user) return null;
  const timeoutMs = deps.openTicketLookupMs ?? DEFAULT_LOOKUP_MS;
  try {
    // The deadline covers an implementation that does not honour the signal; the turn's own
    // signal is passed as is (a combined signal would stay alive with all it reaches).
    const found = await withTimeout(
      deps.tickets.findOpen(ownerOf(state), problem.category, signal ? { signal } : {}),
      timeoutMs,
      () => new Error(`open-ticket look-up took over ${timeoutMs} ms`),
    );
    // This conversation's own ticket is handled by the existing-ticket path, never offered here.
    const own = state.escalation?.ticket?.key;
    return found.find((t) => t.key !== own) ?? null;
  } catch (error) {
    signal?.throwIfAborted();
    deps.logger.warn('open-ticket look-up failed; offering a new ticket', {
      conversationId: state.conversationId,
      error,
    });
    return null;
  }
}
