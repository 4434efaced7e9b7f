/**
 * The employee does not want a ticket (now): say how to ask later, keep the escalation id. Thanks
 * with "someone already reported it" gets its own answer: no second ticket.
 */
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { isThanksWithoutConsent } from '../reading/consent.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor } from '../turn-messages.js';

export function createDeclineNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const text = isThanksWithoutConsent(state.input)
      ? turnMessagesFor(state.language).alreadyReported()
      : messagesFor(state.language).declined();
    return {
      ...say(deps, text),
      escalation: state.escalation ? { ...state.escalation, status: 'declined' } : null,
      phase: 'closed',
    };
  };
}
