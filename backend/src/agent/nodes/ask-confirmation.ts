/**
 * Waits for the employee's answer to the offer with `interrupt()`. On resume LangGraph re-runs
 * this node from the top, so everything before `interrupt()` reads state only.
 */
import { interrupt, type LangGraphRunnableConfig } from '@langchain/langgraph';
import type { NodeDeps } from '../deps.js';
import { mergeAsks, readAsks } from '../reading/asks.js';
import { absorbMessage } from '../reading/extract-facts.js';
import { classifyExistingChoice, type OfferChoice } from '../reading/existing-choice.js';
import { classifyConfirmation, type ConfirmationIntent } from '../reading/intent.js';
import { detectLanguage } from '../reading/text-signals.js';
import type { Prompt, SupportStateUpdate, SupportStateValue } from '../state.js';

/**
 * A second reading of the rule-based intent (the LLM engine's), with an answer when the reply
 * is a question. It runs after `interrupt()` returns, so once per answer; it owns its fallback.
 */
export type RefineConfirmation = (
  input: { text: string; state: SupportStateValue; ruleIntent: ConfirmationIntent },
  config?: LangGraphRunnableConfig,
) => Promise<{ intent: ConfirmationIntent; answer?: string }>;

export function createAskConfirmationNode(deps: NodeDeps, refine?: RefineConfirmation) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const prompt: Prompt = state.prompt ?? { text: '', quickReplies: [] };
    const answer: unknown = interrupt(prompt);
    const text = typeof answer === 'string' ? answer.trim() : '';
    // "Add to IT-12 or a new ticket?" is read by rule in both engines.
    const read: { intent: OfferChoice; answer?: string } = state.openTicket
      ? { intent: classifyExistingChoice(text) }
      : await readConfirmation(text, state, refine, config);
    const update: SupportStateUpdate = {
      input: text,
      confirmation: read.intent,
      confirmationAnswer: read.answer ?? null,
      language: detectLanguage(text, state.language),
      reply: null,
    };
    if (state.problem) {
      // "Yes. Also it's affecting my whole team" raises the priority of the ticket it confirms;
      // "sure, but mark it urgent" and "add that I'm travelling" are recorded as the employee's.
      const problem = absorbMessage(state.problem, text);
      const asks = mergeAsks(problem.asks, readAsks(text));
      update.problem = asks ? { ...problem, asks } : problem;
    }
    return update;
  };
}

async function readConfirmation(
  text: string,
  state: SupportStateValue,
  refine: RefineConfirmation | undefined,
  config: LangGraphRunnableConfig | undefined,
): Promise<{ intent: ConfirmationIntent; answer?: string }> {
  const ruleIntent = classifyConfirmation(text);
  return refine ? refine({ text, state, ruleIntent }, config) : { intent: ruleIntent };
}
