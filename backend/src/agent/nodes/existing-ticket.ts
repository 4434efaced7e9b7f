/** A ticket already exists for this problem: point to it instead of creating another. */
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createExistingTicketNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const ticket = state.escalation?.ticket;
    if (!ticket) throw new Error('no ticket to point to');
    return say(deps, messagesFor(state.language).existing(ticket));
  };
}
