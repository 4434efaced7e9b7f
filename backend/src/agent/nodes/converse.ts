/**
 * Greetings, thanks and "I want a ticket" (or "a person") before any problem was described. A
 * reply that would repeat the assistant's last sentence gets its second wording.
 */
import type { NodeDeps } from '../deps.js';
import { messagesFor, TROUBLESHOOT_QUICK_REPLIES } from '../messages.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor, unlessRepeated } from '../turn-messages.js';

export function createConverseNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    const t = turnMessagesFor(state.language);
    const name = state.user?.name ?? '';
    const previous = state.transcript.findLast((e) => e.role === 'assistant')?.text;
    if (!state.problem) {
      if (state.turn === 'wants_person') {
        return say(
          deps,
          unlessRepeated(t.describeFirstPerson(false), previous, () => t.describeFirstPerson(true)),
        );
      }
      if (state.turn === 'wants_ticket') {
        return say(
          deps,
          unlessRepeated(m.describeFirst(name), previous, () => t.describeFirstPerson(false)),
        );
      }
      return say(deps, m.greeting(name));
    }
    if (state.phase === 'troubleshooting') {
      const text = unlessRepeated(m.takeYourTime(), previous, () => t.takeYourTimeAgain());
      return say(deps, text, { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] });
    }
    return say(deps, m.welcome());
  };
}
