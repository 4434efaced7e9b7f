/**
 * The employee says it works: a friendly close; an open offer lapses without a ticket. A second
 * problem set aside earlier is mentioned, so it is not forgotten.
 */
import type { NodeDeps } from '../deps.js';
import { messagesFor } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor } from '../turn-messages.js';
import { otherProblemName } from './second-problem.js';

export function createCloseNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const escalation = state.escalation;
    const lapsed =
      escalation && escalation.status !== 'created' ? { ...escalation, status: 'declined' as const } : escalation;
    const t = turnMessagesFor(state.language);
    const aside = state.secondProblem;
    const reminder = aside
      ? t.otherProblemReminder(otherProblemName(t, aside, state.problem?.category ?? 'other'))
      : '';
    return {
      ...say(deps, messagesFor(state.language).resolved(escalation?.ticket) + reminder),
      steps: state.steps.map((s) => (s.outcome === 'pending' ? { ...s, outcome: 'fixed' as const } : s)),
      escalation: lapsed,
      phase: 'closed',
      secondProblem: aside ? { ...aside, asking: false } : null,
    };
  };
}
