/** Answers a question about the offer (or notes an unclear reply) and asks again. */
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES } from '../messages.js';
import type { Prompt, SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketMessagesFor } from '../ticket-messages.js';

export function createAnswerQuestionNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    const m = messagesFor(state.language);
    // The LLM engine's answer is used when it gave one; otherwise the offline answers.
    const answer = state.confirmationAnswer ?? m.answer(state.input);
    const isQuestion = state.confirmation === 'question';
    let prompt: Prompt;
    if (state.openTicket) {
      // The offer named an open ticket: ask the same two-way question again.
      const t = ticketMessagesFor(state.language);
      const key = state.openTicket.key;
      const text = isQuestion ? `${answer}\n\n${t.openTicketAskAgain(key)}` : t.openTicketUnclear(key);
      prompt = { text, quickReplies: t.openTicketReplies(key) };
    } else {
      const text = isQuestion ? `${answer}\n\n${m.askAgain()}` : m.unclear();
      prompt = { text, quickReplies: OFFER_QUICK_REPLIES[state.language] };
    }
    return {
      prompt,
      transcript: [{ role: 'assistant', text: prompt.text, at: deps.now().toISOString() }],
    };
  };
}
