/**
 * A question about a step ("I can't find that setting in step 2", 「手順2の設定が見つかりません」):
 * the step is shown again in full, on the same problem; nothing is recorded as tried and the
 * next batch waits until the employee says how it went.
 */
import type { Playbook } from '../../knowledge/ports.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor, TROUBLESHOOT_QUICK_REPLIES, type NumberedStep } from '../messages.js';
import { stepNumberIn } from '../reading/step-question.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { turnMessagesFor, unlessRepeated } from '../turn-messages.js';

/** Quoted words, product-like words and longer words of the question, to find the step it means. */
function termsOf(question: string): string[] {
  const quoted = [...question.matchAll(/["'“‘「『]([^"'”’」』]{2,40})["'”’」』]/g)].map((m) => m[1] ?? '');
  const words = question.toLowerCase().match(/[a-z][a-z0-9-]{3,}/g) ?? [];
  const japanese = question.match(/[\u30a0-\u30ff]{3,}|[\u4e00-\u9fff]{2,}/gu) ?? [];
  const stop = new Set([
    'what',
    'where',
    'which',
    'that',
    'this',
    'step',
    'there',
    'with',
    'does',
    'find',
    'mean',
    'exactly',
    'mention',
    'have',
    'should',
    'about',
    'clear',
    'your',
    'from',
  ]);
  return [...quoted, ...words.filter((w) => !stop.has(w)), ...japanese.filter((w) => !/^(?:手順|番目|設定)$/.test(w))]
    .map((t) => t.toLowerCase())
    .filter((t) => t.length >= 2);
}

/** The step(s) the question is about: by number, by its words, or the last batch shown. */
export function stepsAskedAbout(question: string, shown: NumberedStep[], pending: number): NumberedStep[] {
  const n = stepNumberIn(question);
  const byNumber = n === undefined ? undefined : shown[n - 1];
  if (byNumber) return [byNumber];
  const terms = termsOf(question);
  const scored = shown.map((s) => ({ s, score: terms.filter((t) => s.text.toLowerCase().includes(t)).length }));
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a), { s: shown[0]!, score: 0 });
  if (best.score > 0) return [best.s];
  return shown.slice(-Math.max(1, pending || Math.min(3, shown.length)));
}

function shownSteps(state: SupportStateValue, playbook: Playbook): NumberedStep[] {
  const inJapanese = state.language === 'ja' && playbook.stepsJa.length > 0;
  return state.steps.map((record, i) => ({
    number: i + 1,
    text: (inJapanese ? playbook.stepsJa[i] : undefined) ?? record.step,
  }));
}

export function createExplainStepNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const problem = state.problem;
    const playbookId = problem?.playbookIds[problem.playbookIds.length - 1];
    const playbook = playbookId === undefined ? undefined : deps.knowledge.get(playbookId);
    if (!playbook || state.steps.length === 0) {
      return say(deps, messagesFor(state.language).takeYourTime(), {
        quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language],
      });
    }
    const shown = shownSteps(state, playbook);
    const pending = state.steps.filter((s) => s.outcome === 'pending').length;
    const steps = stepsAskedAbout(state.input, shown, pending);
    const t = turnMessagesFor(state.language);
    const previous = state.transcript.findLast((m) => m.role === 'assistant')?.text;
    const text = unlessRepeated(t.explainSteps({ steps, single: steps.length === 1, again: false }), previous, () =>
      t.explainSteps({ steps, single: steps.length === 1, again: true }),
    );
    return say(deps, text, { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] });
  };
}
