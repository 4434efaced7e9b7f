/** Answers a question about the offer (or notes an unclear reply) and asks again. */
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES } from '../messages.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';

export function createAnswerQuestionNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    const text = state.confirmation === 'question' ? `${m.answer(state.input)}\n\n${m.askAgain()}` : m.unclear();
    return {
      prompt: { text, quickReplies: OFFER_QUICK_REPLIES[state.language] },
      transcript: [{ role: 'assistant', text, at: deps.now().toISOString() }],
    };
  };
}
