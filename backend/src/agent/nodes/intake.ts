/**
 * First node of every new (non-resume) turn: records the message, follows the language, reads
 * the message into the case file (facts, the employee's asks, a second problem) and settles the
 * outcome of the steps shown last turn, in the employee's own words.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { NodeDeps } from '../deps.js';
import { mergeAsks, readAsks } from '../reading/asks.js';
import { absorbMessage } from '../reading/extract-facts.js';
import { readStepOutcome, type StepReading } from '../reading/outcome.js';
import { detectLanguage } from '../reading/text-signals.js';
import { classifyTurn } from '../reading/turn-intent.js';
import type { Problem, StepRecord, SupportStateUpdate, SupportStateValue, TurnIntent } from '../state.js';

/** A second reading of the rule-based turn intent (the LLM engine's); it owns its fallback. */
export type RefineTurn = (
  input: { text: string; state: SupportStateValue; ruleTurn: TurnIntent },
  config?: LangGraphRunnableConfig,
) => Promise<TurnIntent>;

export function createIntakeNode(deps: NodeDeps, refineTurn?: RefineTurn) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const text = state.input.trim();
    const ruleTurn = classifyTurn(text, state, deps.knowledge);
    const turn = refineTurn ? await refineTurn({ text, state, ruleTurn }, config) : ruleTurn;
    const update: SupportStateUpdate = {
      turn,
      language: detectLanguage(text, state.problem ? state.language : undefined),
      reply: null,
      confirmation: null,
      offerReason: turn === 'wants_ticket' ? 'asked' : turn === 'wants_person' ? 'person' : null,
    };
    if (turn === 'separate_problem' && state.secondProblem) {
      // `understand` opens the second problem from its own words; the first is set aside.
      return { ...update, input: state.secondProblem.text };
    }
    if (state.problem && turn !== 'new_problem') {
      Object.assign(update, readIntoCaseFile(deps, state, state.problem, turn, text));
    }
    return update;
  };
}

function readIntoCaseFile(
  deps: NodeDeps,
  state: SupportStateValue,
  current: Problem,
  turn: TurnIntent,
  text: string,
): SupportStateUpdate {
  let problem = absorbMessage(current, text);
  const aside = state.secondProblem;
  // "Part of the same one": its words become facts of the open problem.
  if (turn === 'same_problem' && aside) problem = absorbMessage(problem, aside.text);
  const asks = mergeAsks(problem.asks, readAsks(text));
  const update: SupportStateUpdate = {
    problem: asks ? { ...problem, asks } : problem,
    steps: settleSteps(state.steps, turn, readStepOutcome(text), text),
  };
  if (turn === 'second_problem') {
    const category = deps.knowledge.route(text)?.category ?? 'other';
    update.secondProblem = { text, category, transcriptIndex: state.transcript.length - 1, asking: true };
  } else if (turn === 'same_problem') {
    update.secondProblem = null;
  } else if (aside?.asking) {
    // Not an answer to "new or part of?": the question lapses, the other problem stays noted.
    update.secondProblem = { ...aside, asking: false };
  }
  return update;
}

/** The steps' outcome from this message, with the employee's words; questions leave them pending. */
function settleSteps(steps: StepRecord[], turn: TurnIntent, reading: StepReading, note: string): StepRecord[] {
  const saysNothing: TurnIntent[] = ['smalltalk', 'ticket_status', 'step_question', 'same_problem'];
  if (saysNothing.includes(turn)) return steps;
  if (turn === 'second_problem' && reading !== 'not_fixed') return steps;
  const outcome =
    turn === 'resolved' || reading === 'fixed'
      ? 'fixed'
      : turn === 'not_fixed' || turn === 'partly_fixed' || reading === 'not_fixed' || reading === 'partly'
        ? 'not_fixed'
        : 'unknown';
  // A bare ticket request says nothing about how the steps went; one with an outcome does.
  const isBareRequest =
    (turn === 'wants_ticket' || turn === 'wants_person' || turn === 'decline') && outcome === 'unknown';
  const withNote = isBareRequest ? {} : { note };
  return steps.map((s) => (s.outcome === 'pending' ? { ...s, outcome, ...withNote } : s));
}
