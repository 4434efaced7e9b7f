/** Maps the conversation state onto the facts a ticket draft is built from. */
import type { KnowledgeBase } from '../knowledge/ports.js';
import type { TicketFacts } from '../tickets/ticket-draft.js';
import type { Problem, SupportStateValue } from './state.js';

export function ticketFactsFrom(state: SupportStateValue, problem: Problem, knowledge: KnowledgeBase): TicketFacts {
  return {
    reporter: { name: state.user?.name ?? 'Unknown', email: state.user?.email ?? 'unknown' },
    conversationId: state.conversationId,
    category: problem.category,
    priority: problem.priority,
    ...(problem.priorityReason ? { priorityReason: problem.priorityReason } : {}),
    firstMessage: problem.firstMessage,
    symptom: problem.symptom,
    environment: problem.environment,
    stepsTried: state.steps.map((s) => ({
      step: s.step,
      outcome: s.outcome === 'pending' ? 'unknown' : s.outcome,
      ...(s.note ? { note: s.note } : {}),
    })),
    playbooks: problem.playbookIds.map((id) => ({ id, title: knowledge.get(id)?.title ?? id })),
    transcript: state.transcript.slice(problem.transcriptStart),
  };
}
