/**
 * A second problem while one is open: the assistant asks "Is this a new problem, or part of the
 * X one?" and keeps both in the case file; "part of it" adds the words to the open problem and
 * goes back to its steps. ("A new one" opens it through `understand`.)
 */
import type { NodeDeps } from '../deps.js';
import { TROUBLESHOOT_QUICK_REPLIES } from '../messages.js';
import { say } from '../say.js';
import type { SecondProblem, SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor, type TurnMessages } from '../turn-messages.js';

/** The other problem's name: its category, or its first words when that says nothing new. */
export function otherProblemName(t: TurnMessages, aside: SecondProblem, currentCategory: string): string {
  if (aside.category !== 'other' && aside.category !== currentCategory) return t.problemName(aside.category);
  const words = aside.text.replace(/\s+/g, ' ').trim();
  return `“${words.length > 40 ? `${words.slice(0, 40)}…` : words}”`;
}

export function createSecondProblemNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const t = turnMessagesFor(state.language);
    const category = state.problem?.category ?? 'other';
    const current = t.problemName(category);
    const aside = state.secondProblem;
    if (state.turn === 'same_problem' || !aside) {
      return say(deps, t.keptTogether(current), { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] });
    }
    const other = otherProblemName(t, aside, category);
    return say(deps, t.askWhichProblem({ current, other }), { quickReplies: t.whichProblemReplies(current) });
  };
}
