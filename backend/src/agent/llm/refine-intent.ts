/**
 * The LLM engine's reading of intent: after troubleshooting steps (feedback) and after a ticket
 * offer (confirmation). The model reads the reply; the rule-based detector guards the result;
 * a failed call leaves the rules' reading for that turn.
 */
import type { LlmNodeDeps } from '../deps.js';
import type { RefineConfirmation } from '../nodes/ask-confirmation.js';
import type { RefineTurn } from '../nodes/intake.js';
import { confirmationMessages, feedbackMessages } from '../prompts.js';
import { orFallback } from './fallback.js';
import { guardConfirmation, guardTurn } from './guard.js';
import { confirmationSchema, feedbackSchema } from './schemas.js';

export function createRefineTurn(deps: LlmNodeDeps): RefineTurn {
  return async ({ text, state, ruleTurn }, config) => {
    // Only feedback on shown steps is the model's to read; the rest is structural.
    const isFeedback =
      state.phase === 'troubleshooting' &&
      state.problem !== null &&
      state.escalation?.status !== 'created' &&
      state.escalation?.status !== 'failed';
    if (!isFeedback || (ruleTurn !== 'not_fixed' && ruleTurn !== 'other')) return ruleTurn;
    return orFallback(deps.logger, 'intake', ruleTurn, async () => {
      const read = await deps.llm.extract(
        feedbackSchema,
        'record_feedback',
        feedbackMessages(state.transcript, text),
        config,
      );
      const turn = guardTurn(read.intent, ruleTurn, text);
      deps.logger.debug('feedback read', { model: read.intent, rule: ruleTurn, turn });
      return turn;
    });
  };
}

export function createRefineConfirmation(deps: LlmNodeDeps): RefineConfirmation {
  return ({ text, state, ruleIntent }, config) =>
    orFallback(deps.logger, 'askConfirmation', { intent: ruleIntent }, async () => {
      const messages = confirmationMessages(state.prompt?.text ?? '', text, state.language);
      const read = await deps.llm.extract(confirmationSchema, 'record_confirmation', messages, config);
      const intent = guardConfirmation(read.intent, ruleIntent, text);
      deps.logger.debug('confirmation read', { model: read.intent, rule: ruleIntent, intent });
      const answer = intent === 'question' ? read.answer?.trim() : undefined;
      return { intent, ...(answer ? { answer } : {}) };
    });
}
