/**
 * What a new message (one that does not answer a pending offer) means, given where the
 * conversation is. After a ticket exists or a create failed, "yes" means "the ticket"; while
 * troubleshooting, "yes" answers "did that fix it?".
 */
import type { KnowledgeBase } from '../../knowledge/ports.js';
import type { Escalation, Problem, TurnIntent } from '../state.js';
import { classifyConfirmation, classifyFeedback, isSmallTalk, isTicketRequest } from './intent.js';
import { detailsStrength, isTicketStatusQuestion } from './ticket-questions.js';

/** A message must match another category at least this well to start a new problem mid-conversation. */
export const NEW_PROBLEM_MIN_SCORE = 4;

export function classifyTurn(
  text: string,
  context: { problem: Problem | null; escalation: Escalation | null },
  knowledge: KnowledgeBase,
): TurnIntent {
  const { problem, escalation } = context;
  if (isTicketStatusQuestion(text)) return 'ticket_status';
  if (!problem) {
    if (isTicketRequest(text)) return 'wants_ticket';
    return isSmallTalk(text) && !knowledge.route(text) ? 'smalltalk' : 'new_problem';
  }
  const isNewProblem = () => {
    const match = knowledge.route(text);
    return match !== undefined && match.score >= NEW_PROBLEM_MIN_SCORE && match.category !== problem.category;
  };

  if (escalation?.status === 'created' || escalation?.status === 'failed') {
    switch (classifyConfirmation(text)) {
      case 'confirm':
        return 'wants_ticket';
      case 'decline':
        return 'decline';
      case 'resolved':
        return 'resolved';
      default: {
        const details = escalation.status === 'created' ? detailsStrength(text) : 'none';
        if (details === 'strong') return 'adds_details';
        if (isNewProblem()) return 'new_problem';
        if (isSmallTalk(text)) return 'smalltalk';
        return details === 'weak' ? 'adds_details' : 'other';
      }
    }
  }

  const feedback = classifyFeedback(text);
  if ((feedback === 'other' || feedback === 'not_fixed') && isNewProblem()) return 'new_problem';
  if (feedback === 'other' && isSmallTalk(text)) return 'smalltalk';
  return feedback;
}
