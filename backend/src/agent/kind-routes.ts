/**
 * Which messages go back to `understand` because the conversation is still at its opener: the
 * answer to a vague opener's question, the reply to a facilities or HR redirect, the details of a
 * request, or an admission that a reported phishing message was acted on after all.
 */
import { END } from '@langchain/langgraph';
import { isResolved } from './reading/intent.js';
import { detectNotIt } from './reading/not-it.js';
import { detectRequest } from './reading/request.js';
import { admitsActing, mentionsSuspiciousMessage } from './reading/security.js';
import { detectUrgentIssue } from './reading/urgent-issue.js';
import type { SupportStateValue } from './state.js';

export function rereadsOpener(state: SupportStateValue): boolean {
  const { problem, escalation, turn, input } = state;
  // "my laptop was stolen, report it", "I need access to X, open a ticket": the kind decides, not the ask.
  if (!problem) return turn === 'wants_ticket' && hasKind(input);
  if (!problem?.kind || escalation || turn === 'ticket_status' || turn === 'smalltalk' || turn === 'decline') {
    return false;
  }
  // "never mind, it works now" ends it; a leading "yes" that answers the question does not.
  if (turn === 'resolved' && isResolved(input)) return false;
  switch (problem.kind) {
    case 'report':
      // "will report it" is not a ticket request here; "create a ticket" still is.
      return (
        admitsActing(input) !== undefined ||
        detectUrgentIssue(input) !== undefined ||
        (turn === 'wants_ticket' && !/ticket|チケット|起票/i.test(input))
      );
    case 'request':
      return turn !== 'wants_ticket';
    default:
      return true;
  }
}

function hasKind(text: string): boolean {
  return (
    detectUrgentIssue(text) !== undefined ||
    mentionsSuspiciousMessage(text) ||
    detectNotIt(text) !== undefined ||
    detectRequest(text) !== undefined
  );
}

/** After `understand`: its own answer ends the turn; a complete request or a ticket ask goes to the offer. */
export function routeAfterUnderstand(state: SupportStateValue): 'troubleshoot' | 'prepareOffer' | typeof END {
  if (state.reply) return END;
  return state.offerReason === 'asked' || state.offerReason === 'request' ? 'prepareOffer' : 'troubleshoot';
}
