/**
 * What a new message (one that does not answer a pending offer) means, read against what the
 * assistant just asked. After steps, a message is first an answer to those steps (a fix, a
 * partial fix, no fix, a question about a step); a different problem only when the message
 * clearly describes one, and then the assistant asks before switching. After a decline, "actually,
 * go ahead" is a change of mind; after a ticket exists or a create failed, "yes" means the ticket.
 */
import type { KnowledgeBase } from '../../knowledge/ports.js';
import type { Escalation, Phase, Problem, SecondProblem, TurnIntent } from '../state.js';
import { isChangeOfMind } from './consent.js';
import { classifyConfirmation, isQuestion, isSmallTalk } from './intent.js';
import { readStepOutcome } from './outcome.js';
import { isPersonRequest, isTicketRequest, withoutRequests } from './requests.js';
import { detectSecondProblem, readWhichProblem } from './second-problem.js';
import { isStepQuestion } from './step-question.js';
import { detailsStrength, isTicketStatusQuestion } from './ticket-questions.js';

/** A message must match another category at least this well to start a new problem after a ticket. */
export const NEW_PROBLEM_MIN_SCORE = 4;

export interface TurnContext {
  problem: Problem | null;
  escalation: Escalation | null;
  phase?: Phase;
  secondProblem?: SecondProblem | null;
}

export function classifyTurn(text: string, context: TurnContext, knowledge: KnowledgeBase): TurnIntent {
  const { problem, escalation } = context;
  if (isTicketStatusQuestion(text)) return 'ticket_status';
  if (!problem) return openingTurn(text, knowledge);
  if (context.secondProblem?.asking) {
    const which = readWhichProblem(text);
    if (which === 'new') return 'separate_problem';
    if (which === 'same' || which === 'unsure') return 'same_problem';
  }
  if (escalation?.status === 'created' || escalation?.status === 'failed') {
    return afterTicket(text, problem, escalation, knowledge);
  }
  if (escalation?.status === 'declined' && isChangeOfMind(text)) return 'wants_ticket';
  if (context.phase === 'closed' && startsAnotherProblem(text, problem, knowledge)) return 'new_problem';
  return afterSteps(text, problem, knowledge);
}

/** The first message: a problem, small talk, or a request with nothing described yet. */
function openingTurn(text: string, knowledge: KnowledgeBase): TurnIntent {
  if (isTicketRequest(text) && !describesProblem(text, knowledge)) {
    return isPersonRequest(text) ? 'wants_person' : 'wants_ticket';
  }
  return isSmallTalk(text) && !knowledge.route(text) ? 'smalltalk' : 'new_problem';
}

/** "Outlook crashes with 0xc0000005 — can someone call me?" describes a problem besides the request. */
function describesProblem(text: string, knowledge: KnowledgeBase): boolean {
  const rest = withoutRequests(text);
  const words =
    (rest.match(/[A-Za-z0-9]{2,}/g) ?? []).length + (rest.match(/[\u3040-\u30ff\u4e00-\u9fff]/gu) ?? []).length / 3;
  return words >= 2 && knowledge.route(rest) !== undefined;
}

const MORE_STEPS_EN =
  /\b(?:anything else|what else|something else|any other (?:ideas?|suggestions?|steps?|options?|ways?|things?)|other (?:ideas|suggestions|options|things to try)|more (?:steps|ideas|suggestions|things to try)|next steps?)\b/i;
const MORE_STEPS_JA =
  /(?:他|ほか)に(?:何か|なにか|できること|試せること|方法|手|やれること)|別の(?:方法|手)|次の手順|もっと(?:方法|何か)/;

function asksForMoreSteps(text: string): boolean {
  const raw = text.normalize('NFKC');
  return MORE_STEPS_EN.test(raw) || MORE_STEPS_JA.test(raw);
}

function afterSteps(text: string, problem: Problem, knowledge: KnowledgeBase): TurnIntent {
  if (isPersonRequest(text)) return 'wants_person';
  if (isTicketRequest(text)) return 'wants_ticket';
  const outcome = readStepOutcome(text);
  if (outcome === 'fixed') return 'resolved';
  // "anything else I can try?": the steps shown did not do it; the next ones are wanted.
  if (outcome !== 'partly' && asksForMoreSteps(text)) return 'not_fixed';
  if (outcome === 'partly') return 'partly_fixed';
  // A clearly described other problem wins over a question-like ending, unless a step is named.
  const second = detectSecondProblem(text, problem, knowledge);
  const aboutStep = /\bsteps?\b|手順|ステップ/i.test(text) || /[?？]\s*$/.test(text);
  if (outcome !== 'not_fixed' && isStepQuestion(text) && (!second || aboutStep)) return 'step_question';
  if (second) return 'second_problem';
  if (outcome === 'not_fixed') return 'not_fixed';
  if (isSmallTalk(text)) return 'smalltalk';
  // A question after steps is about them: answered on the same problem, never a switch.
  return isQuestion(text) ? 'step_question' : 'other';
}

/** After a fix or a decline: a described problem of another kind starts afresh. */
function startsAnotherProblem(text: string, problem: Problem, knowledge: KnowledgeBase): boolean {
  if (readStepOutcome(text) !== 'none' || isTicketRequest(text)) return false;
  const match = knowledge.route(text);
  return match !== undefined && match.score >= NEW_PROBLEM_MIN_SCORE && match.category !== problem.category;
}

function afterTicket(text: string, problem: Problem, escalation: Escalation, knowledge: KnowledgeBase): TurnIntent {
  const isNewProblem = () => {
    const match = knowledge.route(text);
    return match !== undefined && match.score >= NEW_PROBLEM_MIN_SCORE && match.category !== problem.category;
  };
  switch (classifyConfirmation(text)) {
    case 'confirm':
      return 'wants_ticket';
    case 'decline':
      return 'decline';
    case 'resolved':
      return 'resolved';
    default: {
      if (isPersonRequest(text)) return 'wants_person';
      const details = escalation.status === 'created' ? detailsStrength(text) : 'none';
      if (details === 'strong') return 'adds_details';
      if (isNewProblem()) return 'new_problem';
      if (isSmallTalk(text)) return 'smalltalk';
      return details === 'weak' ? 'adds_details' : 'other';
    }
  }
}
