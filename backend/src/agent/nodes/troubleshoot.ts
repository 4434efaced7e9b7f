/**
 * Shows the next few steps of the current playbook, citing it, and records them as pending
 * until the employee says how they went. When no steps are left it hands over to the offer.
 */
import type { NodeDeps } from '../deps.js';
import { messagesFor, TROUBLESHOOT_QUICK_REPLIES } from '../messages.js';
import { say } from '../say.js';
import type { StepRecord, SupportStateUpdate, SupportStateValue } from '../state.js';

/** Never leave a single step for the last round: 4 remaining → 2 + 2. */
export function batchSize(remaining: number): number {
  if (remaining <= 3) return remaining;
  return remaining === 4 ? 2 : 3;
}

export function createTroubleshootNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const problem = state.problem;
    const playbookId = problem?.playbookIds[problem.playbookIds.length - 1];
    const playbook = playbookId === undefined ? undefined : deps.knowledge.get(playbookId);
    const start = state.stepsShown;
    if (!problem || !playbook || start >= playbook.steps.length) {
      return { offerReason: 'exhausted', phase: 'troubleshooting' };
    }

    const end = start + batchSize(playbook.steps.length - start);
    const inJapanese = state.language === 'ja' && playbook.stepsJa.length > 0;
    const shown = [];
    const records: StepRecord[] = [];
    for (let i = start; i < end; i++) {
      const step = playbook.steps[i] ?? '';
      shown.push({ number: i + 1, text: (inJapanese ? playbook.stepsJa[i] : undefined) ?? step });
      records.push({ playbookId: playbook.id, step, outcome: 'pending' });
    }

    const m = messagesFor(state.language);
    const inEnglish = state.language === 'ja' && !inJapanese;
    const name = state.user?.name ?? '';
    const text =
      start === 0
        ? m.firstSteps({
            name,
            category: problem.category,
            priority: problem.priority,
            title: playbook.title,
            steps: shown,
            inEnglish,
          })
        : m.nextSteps({ title: playbook.title, steps: shown, inEnglish });
    return {
      ...say(deps, text, { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] }),
      phase: 'troubleshooting',
      stepsShown: end,
      steps: [...state.steps, ...records],
      offerReason: null,
    };
  };
}
