/**
 * First node of every new (non-resume) turn: records the message, follows the language, reads
 * environment details and urgency, and settles the outcome of the steps shown last turn.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { NodeDeps } from '../deps.js';
import { absorbMessage } from '../reading/extract-facts.js';
import { detectLanguage } from '../reading/text-signals.js';
import { classifyTurn } from '../reading/turn-intent.js';
import type { StepRecord, SupportStateUpdate, SupportStateValue, TurnIntent } from '../state.js';

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
      offerReason: turn === 'wants_ticket' ? 'asked' : null,
      transcript: [{ role: 'user', text, at: deps.now().toISOString() }],
    };
    if (state.problem && turn !== 'new_problem') {
      update.problem = absorbMessage(state.problem, text);
      update.steps = settleSteps(state.steps, turn, text);
    }
    return update;
  };
}

function settleSteps(steps: StepRecord[], turn: TurnIntent, note: string): StepRecord[] {
  // Questions about tickets say nothing about how the steps went.
  if (turn === 'smalltalk' || turn === 'ticket_status') return steps;
  const outcome = turn === 'resolved' ? 'fixed' : turn === 'not_fixed' ? 'not_fixed' : 'unknown';
  // A ticket request says nothing about how the steps went.
  const withNote = turn === 'wants_ticket' || turn === 'decline' ? {} : { note };
  return steps.map((s) => (s.outcome === 'pending' ? { ...s, outcome, ...withNote } : s));
}
