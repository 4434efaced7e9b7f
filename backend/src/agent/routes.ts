/** Where the graph goes next. Pure functions of state, each returning a literal union. */
import { END } from '@langchain/langgraph';
import { rereadsOpener } from './kind-routes.js';
import type { SupportStateValue } from './state.js';

export type TurnRoute =
  | 'understand'
  | 'converse'
  | 'troubleshoot'
  | 'explainStep'
  | 'askWhichProblem'
  | 'prepareOffer'
  | 'createTicket'
  | 'existingTicket'
  | 'close'
  | 'decline'
  | 'ticketStatus'
  | 'addDetails';

export function routeTurn(state: SupportStateValue): TurnRoute {
  const { turn, problem, escalation } = state;
  if (turn === 'ticket_status') return 'ticketStatus';
  if (rereadsOpener(state)) return 'understand';
  if (turn === 'new_problem' || turn === 'separate_problem') return 'understand';
  if (turn === 'smalltalk' || !problem) return 'converse';
  if (escalation?.status === 'created') {
    return turn === 'resolved' ? 'close' : turn === 'adds_details' ? 'addDetails' : 'existingTicket';
  }
  const wantsTicket = turn === 'wants_ticket' || turn === 'wants_person';
  if (escalation?.status === 'failed' && wantsTicket) return 'createTicket';
  // A change of mind after "no ticket": the offer was already shown, so the ticket is made now.
  if (escalation?.status === 'declined' && turn === 'wants_ticket') return 'createTicket';
  return routeAnswer(turn, state.steps.length > 0);
}

/** The answer to the steps (or to "new problem or part of it?") decides. */
function routeAnswer(turn: SupportStateValue['turn'], hasSteps: boolean): TurnRoute {
  switch (turn) {
    case 'wants_ticket':
    case 'wants_person':
      return 'prepareOffer';
    case 'resolved':
      return 'close';
    case 'decline':
      return 'decline';
    case 'step_question':
      // With no step shown yet, the steps (or the offer) are the answer.
      return hasSteps ? 'explainStep' : 'troubleshoot';
    case 'second_problem':
    case 'same_problem':
      return 'askWhichProblem';
    default:
      return 'troubleshoot';
  }
}

export function routeAfterTroubleshoot(state: SupportStateValue): 'prepareOffer' | typeof END {
  return state.offerReason === 'exhausted' || state.offerReason === 'urgent' ? 'prepareOffer' : END;
}

export type ConfirmationRoute = 'createTicket' | 'addToTicket' | 'decline' | 'close' | 'answerQuestion';

export function routeConfirmation(state: SupportStateValue): ConfirmationRoute {
  switch (state.confirmation) {
    case 'confirm':
      return 'createTicket';
    case 'add':
      return 'addToTicket';
    case 'decline':
      return 'decline';
    case 'resolved':
      return 'close';
    default:
      // Questions and unclear answers never create a ticket: answer and ask again.
      return 'answerQuestion';
  }
}
