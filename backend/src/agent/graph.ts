/**
 * Wires the support graph. One turn: intake → (understand →) troubleshoot, or an offer that
 * pauses in `askConfirmation` until the employee answers; the ticket is created in its own
 * node after the pause.
 */
import { END, START, StateGraph } from '@langchain/langgraph';
import type { NodeDeps } from './deps.js';
import { createAnswerQuestionNode } from './nodes/answer-question.js';
import { createAskConfirmationNode } from './nodes/ask-confirmation.js';
import { createCloseNode } from './nodes/close.js';
import { createConverseNode } from './nodes/converse.js';
import { createCreateTicketNode } from './nodes/create-ticket.js';
import { createDeclineNode } from './nodes/decline.js';
import { createExistingTicketNode } from './nodes/existing-ticket.js';
import { createIntakeNode } from './nodes/intake.js';
import { createPrepareOfferNode } from './nodes/prepare-offer.js';
import { createTroubleshootNode } from './nodes/troubleshoot.js';
import { createUnderstandNode } from './nodes/understand.js';
import { routeAfterTroubleshoot, routeConfirmation, routeTurn } from './routes.js';
import { SupportState } from './state.js';

export function buildSupportGraph(deps: NodeDeps) {
  return new StateGraph(SupportState)
    .addNode('intake', createIntakeNode(deps))
    .addNode('understand', createUnderstandNode(deps))
    .addNode('converse', createConverseNode(deps))
    .addNode('troubleshoot', createTroubleshootNode(deps))
    .addNode('prepareOffer', createPrepareOfferNode(deps))
    .addNode('askConfirmation', createAskConfirmationNode(deps))
    .addNode('answerQuestion', createAnswerQuestionNode(deps))
    .addNode('createTicket', createCreateTicketNode(deps))
    .addNode('existingTicket', createExistingTicketNode(deps))
    .addNode('close', createCloseNode(deps))
    .addNode('decline', createDeclineNode(deps))
    .addEdge(START, 'intake')
    .addConditionalEdges('intake', routeTurn, [
      'understand',
      'converse',
      'troubleshoot',
      'prepareOffer',
      'createTicket',
      'existingTicket',
      'close',
      'decline',
    ])
    .addEdge('understand', 'troubleshoot')
    .addConditionalEdges('troubleshoot', routeAfterTroubleshoot, ['prepareOffer', END])
    .addEdge('prepareOffer', 'askConfirmation')
    .addConditionalEdges('askConfirmation', routeConfirmation, ['createTicket', 'decline', 'close', 'answerQuestion'])
    .addEdge('answerQuestion', 'askConfirmation')
    .addEdge('converse', END)
    .addEdge('createTicket', END)
    .addEdge('existingTicket', END)
    .addEdge('close', END)
    .addEdge('decline', END);
}
