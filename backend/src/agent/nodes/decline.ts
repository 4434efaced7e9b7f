/** The employee does not want a ticket (now): say how to ask later, keep the escalation id. */
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createDeclineNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => ({
    ...say(deps, messagesFor(state.language).declined()),
    escalation: state.escalation ? { ...state.escalation, status: 'declined' } : null,
    phase: 'closed',
  });
}
