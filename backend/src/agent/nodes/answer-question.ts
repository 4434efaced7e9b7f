/**
 * Answers a question about the offer (or notes an unclear reply) and asks again. A request for a
 * person gets the way to reach one (this ticket); a condition ("mark it urgent") is acknowledged.
 * The same sentence is never sent twice in a row: a repeat gets the second wording.
 */
import { PRIORITY_NAMES } from '../../domain/index.js';
import type { NodeDeps } from '../deps.js';
import { messagesFor, OFFER_QUICK_REPLIES } from '../messages.js';
import { hasAsks, readAsks } from '../reading/asks.js';
import { isPersonRequest } from '../reading/requests.js';
import type { Prompt, SupportStateUpdate, SupportStateValue } from '../state.js';
import { ticketMessagesFor } from '../ticket-messages.js';
import { turnMessagesFor, unlessRepeated } from '../turn-messages.js';

/** The text that asks again about a new ticket (no open ticket named). */
function askAgainText(state: SupportStateValue): string {
  const m = messagesFor(state.language);
  const t = turnMessagesFor(state.language);
  const previous = state.prompt?.text;
  const input = state.input;
  if (isPersonRequest(input)) return unlessRepeated(t.personPrompt(false), previous, () => t.personPrompt(true));
  const isQuestion = state.confirmation === 'question';
  const asks = readAsks(input);
  if (!isQuestion && hasAsks(asks)) {
    const priority = asks.priority && PRIORITY_NAMES[state.language][asks.priority.level];
    const noted = t.asksNoted({ ...(priority ? { priority } : {}), notes: asks.notes.length, person: asks.person });
    return unlessRepeated(`${noted}\n\n${m.askAgain()}`, previous, () => `${noted}\n\n${t.askAgainOther()}`);
  }
  // The LLM engine's answer is used when it gave one; otherwise the offline answers.
  const answer = state.confirmationAnswer ?? m.answer(input);
  const text = isQuestion ? `${answer}\n\n${m.askAgain()}` : m.unclear();
  return unlessRepeated(text, previous, () => (isQuestion ? `${answer}\n\n${t.askAgainOther()}` : t.unclearAgain()));
}

export function createAnswerQuestionNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => {
    let prompt: Prompt;
    if (state.openTicket) {
      // The offer named an open ticket: ask the same two-way question again.
      const m = messagesFor(state.language);
      const t = ticketMessagesFor(state.language);
      const key = state.openTicket.key;
      const answer = state.confirmationAnswer ?? m.answer(state.input);
      const text =
        state.confirmation === 'question' ? `${answer}\n\n${t.openTicketAskAgain(key)}` : t.openTicketUnclear(key);
      prompt = { text, quickReplies: t.openTicketReplies(key) };
    } else {
      prompt = { text: askAgainText(state), quickReplies: OFFER_QUICK_REPLIES[state.language] };
    }
    return {
      prompt,
      transcript: [{ role: 'assistant', text: prompt.text, at: deps.now().toISOString() }],
    };
  };
}
