/** The employee says it works: a friendly close; an open offer lapses without a ticket. */
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createCloseNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const escalation = state.escalation;
    const lapsed =
      escalation && escalation.status !== 'created' ? { ...escalation, status: 'declined' as const } : escalation;
    return {
      ...say(deps, messagesFor(state.language).resolved(escalation?.ticket)),
      steps: state.steps.map((s) => (s.outcome === 'pending' ? { ...s, outcome: 'fixed' as const } : s)),
      escalation: lapsed,
      phase: 'closed',
    };
  };
}
