/** Answers a question about the offer (or notes an unclear reply) and asks again. */
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES } from '../messages.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createAnswerQuestionNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    // The LLM engine's answer is used when it gave one; otherwise the offline answers.
    const answer = state.confirmationAnswer ?? m.answer(state.input);
    const text = state.confirmation === 'question' ? `${answer}\n\n${m.askAgain()}` : m.unclear();
    return {
      prompt: { text, quickReplies: OFFER_QUICK_REPLIES[state.language] },
      transcript: [{ role: 'assistant', text, at: deps.now().toISOString() }],
    };
  };
}
