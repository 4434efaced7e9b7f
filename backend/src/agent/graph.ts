/**
 * Wires the support graph. One turn: intake → (understand →) troubleshoot, or an offer that
 * pauses in `askConfirmation` until the employee answers; the ticket is created in its own
 * node after the pause; when the employee already has an open ticket of that kind, the offer
 * can instead add to it (`addToTicket`). With a model client, understanding, the troubleshooting reply and the
 * reading of intent use the LLM variants; offers, tickets and escalation ids stay deterministic.
 */
import { END, START, StateGraph } from '@langchain/langgraph';
import type { NodeDeps } from './deps.js';
import type { LlmClient } from './llm/model.js';
import { createRefineConfirmation, createRefineTurn } from './llm/refine-intent.js';
import { createAddDetailsNode } from './nodes/add-details.js';
import { createAddToTicketNode } from './nodes/add-to-ticket.js';
import { createAnswerQuestionNode } from './nodes/answer-question.js';
import { createAskConfirmationNode } from './nodes/ask-confirmation.js';
import { createCloseNode } from './nodes/close.js';
import { createConverseNode } from './nodes/converse.js';
import { createCreateTicketNode } from './nodes/create-ticket.js';
import { createDeclineNode } from './nodes/decline.js';
import { createExistingTicketNode } from './nodes/existing-ticket.js';
import { createExplainStepNode } from './nodes/explain-step.js';
import { createIntakeNode } from './nodes/intake.js';
import { createLlmTroubleshootNode } from './nodes/llm-troubleshoot.js';
import { createLlmUnderstandNode } from './nodes/llm-understand.js';
import { withCaseFileReading } from './nodes/opening-asks.js';
import { createPrepareOfferNode } from './nodes/prepare-offer.js';
import { createSecondProblemNode } from './nodes/second-problem.js';
import { createTicketStatusNode } from './nodes/ticket-status.js';
import { createTroubleshootNode } from './nodes/troubleshoot.js';
import { createUnderstandNode } from './nodes/understand.js';
import { routeAfterUnderstand } from './kind-routes.js';
import { routeAfterTroubleshoot, routeConfirmation, routeTurn } from './routes.js';
import { SupportState, type SupportStateValue } from './state.js';

/** A person asked for in the opener is offered at once, like a ticket asked for. */
function routeAfterOpening(state: SupportStateValue): ReturnType<typeof routeAfterUnderstand> {
  return state.offerReason === 'person' && !state.reply ? 'prepareOffer' : routeAfterUnderstand(state);
}

export function buildSupportGraph(deps: NodeDeps, llm?: LlmClient) {
  const withModel = llm ? { ...deps, llm } : undefined;
  return new StateGraph(SupportState)
    .addNode('intake', createIntakeNode(deps, withModel && createRefineTurn(withModel)))
    .addNode(
      'understand',
      withCaseFileReading(withModel ? createLlmUnderstandNode(withModel) : createUnderstandNode(deps)),
    )
    .addNode('converse', createConverseNode(deps))
    .addNode('troubleshoot', withModel ? createLlmTroubleshootNode(withModel) : createTroubleshootNode(deps))
    .addNode('prepareOffer', createPrepareOfferNode(deps))
    .addNode('askConfirmation', createAskConfirmationNode(deps, withModel && createRefineConfirmation(withModel)))
    .addNode('answerQuestion', createAnswerQuestionNode(deps))
    .addNode('createTicket', createCreateTicketNode(deps))
    .addNode('addToTicket', createAddToTicketNode(deps))
    .addNode('existingTicket', createExistingTicketNode(deps))
    .addNode('close', createCloseNode(deps))
    .addNode('decline', createDeclineNode(deps))
    .addNode('ticketStatus', createTicketStatusNode(deps))
    .addNode('addDetails', createAddDetailsNode(deps))
    .addNode('explainStep', createExplainStepNode(deps))
    .addNode('askWhichProblem', createSecondProblemNode(deps))
    .addEdge(START, 'intake')
    .addConditionalEdges('intake', routeTurn, [
      'understand',
      'converse',
      'troubleshoot',
      'explainStep',
      'askWhichProblem',
      'prepareOffer',
      'createTicket',
      'existingTicket',
      'close',
      'decline',
      'ticketStatus',
      'addDetails',
    ])
    .addConditionalEdges('understand', routeAfterOpening, ['troubleshoot', 'prepareOffer', END])
    .addConditionalEdges('troubleshoot', routeAfterTroubleshoot, ['prepareOffer', END])
    .addEdge('prepareOffer', 'askConfirmation')
    .addConditionalEdges('askConfirmation', routeConfirmation, [
      'createTicket',
      'addToTicket',
      'decline',
      'close',
      'answerQuestion',
    ])
    .addEdge('answerQuestion', 'askConfirmation')
    .addEdge('converse', END)
    .addEdge('explainStep', END)
    .addEdge('askWhichProblem', END)
    .addEdge('createTicket', END)
    .addEdge('addToTicket', END)
    .addEdge('existingTicket', END)
    .addEdge('close', END)
    .addEdge('decline', END)
    .addEdge('ticketStatus', END)
    .addEdge('addDetails', END);
}
