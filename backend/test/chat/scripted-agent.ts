/**
 * A SupportAgent fake for chat tests: answers each turn with `answer(turn)` (which may wait) and
 * records the texts it was asked, in order.
 */
import type { AgentTurn, SupportAgent } from '../../src/chat/ports.js';

export function scriptedAgent(answer: (turn: AgentTurn) => Promise<string>): SupportAgent & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async reply(turn) {
      seen.push(turn.text);
      return { text: await answer(turn) };
    },
    ticketCreated: async () => ({ text: 'made' }),
    close: async () => undefined,
  };
}

/** An agent whose answers wait until the test gives them: `give(text)` answers the oldest turn waiting. */
export function heldAgent(): SupportAgent & { seen: string[]; give(text: string): void } {
  const waiting: ((text: string) => void)[] = [];
  const agent = scriptedAgent(() => new Promise<string>((resolve) => waiting.push(resolve)));
  return Object.assign(agent, { give: (text: string) => waiting.shift()?.(text) });
}
