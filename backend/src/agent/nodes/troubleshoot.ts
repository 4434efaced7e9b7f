/**
 * Shows the next few steps of the current playbook, citing it, and records them as pending
 * until the employee says how they went. When no steps are left it hands over to the offer.
 */
import type { Playbook } from '../../knowledge/ports.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor, playbookTitleFor, TROUBLESHOOT_QUICK_REPLIES, type NumberedStep } from '../messages.js';
import { openPart } from '../reading/outcome.js';
import { say } from '../say.js';
import type { StepRecord, SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor } from '../turn-messages.js';

/** Never leave a single step for the last round: 4 remaining → 2 + 2. */
export function batchSize(remaining: number): number {
  if (remaining <= 3) return remaining;
  return remaining === 4 ? 2 : 3;
}

/** The steps this turn shows, decided by state alone; an LLM only words them. */
export interface StepBatch {
  playbook: Playbook;
  /** True for the first batch of a problem. */
  isFirst: boolean;
  /** The steps as the employee sees them (Japanese when the playbook has them). */
  steps: NumberedStep[];
  /** True when a Japanese speaker gets English steps (the playbook has no Japanese ones). */
  inEnglish: boolean;
  /** The offline engine's reply for this batch. */
  offlineText: string;
}

/** The offline troubleshooting turn: its state update and, when steps are shown, the batch. */
export function planTroubleshoot(
  deps: NodeDeps,
  state: SupportStateValue,
): { update: SupportStateUpdate; batch?: StepBatch } {
  const problem = state.problem;
  const playbookId = problem?.playbookIds[problem.playbookIds.length - 1];
  const playbook = playbookId === undefined ? undefined : deps.knowledge.get(playbookId);
  const start = state.steps.length;
  // IT must act at once: no self-help steps; the offer (with any safety advice) comes next.
  if (problem?.urgent && state.offerReason === 'urgent' && start === 0) {
    return { update: { offerReason: 'urgent', phase: 'troubleshooting' } };
  }
  if (!problem || !playbook || start >= playbook.steps.length) {
    return { update: { offerReason: 'exhausted', phase: 'troubleshooting' } };
  }

  const end = start + batchSize(playbook.steps.length - start);
  const inJapanese = state.language === 'ja' && playbook.stepsJa.length > 0;
  const shown: NumberedStep[] = [];
  const records: StepRecord[] = [];
  for (let i = start; i < end; i++) {
    const step = playbook.steps[i] ?? '';
    shown.push({ number: i + 1, text: (inJapanese ? playbook.stepsJa[i] : undefined) ?? step });
    records.push({ playbookId: playbook.id, step, outcome: 'pending' });
  }

  const m = messagesFor(state.language);
  const inEnglish = state.language === 'ja' && !inJapanese;
  const name = state.user?.name ?? '';
  const title = playbookTitleFor(playbook, state.language);
  const text =
    start === 0
      ? m.firstSteps({
          name,
          category: problem.category,
          priority: problem.priority,
          title,
          steps: shown,
          inEnglish,
        })
      : partlyFixedNote(state) + m.nextSteps({ title, steps: shown, inEnglish });
  return {
    update: {
      ...say(deps, text, { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] }),
      phase: 'troubleshooting',
      steps: [...state.steps, ...records],
      offerReason: null,
    },
    batch: { playbook, isFirst: start === 0, steps: shown, inEnglish, offlineText: text },
  };
}

/** "Email works now, calendar still doesn't": the fixed part is acknowledged, the open part named. */
function partlyFixedNote(state: SupportStateValue): string {
  return state.turn === 'partly_fixed' ? turnMessagesFor(state.language).partlyFixed(openPart(state.input)) : '';
}

export function createTroubleshootNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => planTroubleshoot(deps, state).update;
}
