/** Greetings, thanks and "I want a ticket" before any problem was described. */
import type { NodeDeps } from '../deps.js';
import { messagesFor, TROUBLESHOOT_QUICK_REPLIES } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createConverseNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    const name = state.user?.name ?? '';
    if (!state.problem) return say(deps, state.turn === 'wants_ticket' ? m.describeFirst(name) : m.greeting(name));
    if (state.phase === 'troubleshooting') {
      return say(deps, m.takeYourTime(), { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] });
    }
    return say(deps, m.welcome());
  };
}
