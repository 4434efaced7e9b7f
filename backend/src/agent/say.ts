/** The update a node returns to answer the employee: the reply, also kept in the transcript. */
import type { NodeDeps } from './deps.js';
import type { AgentReply } from '../chat/ports.js';
import type { SupportStateUpdate } from './state.js';

export function say(deps: NodeDeps, text: string, extra: Omit<AgentReply, 'text'> = {}): SupportStateUpdate {
  return {
    reply: { text, ...extra },
    transcript: [{ role: 'assistant', text, at: deps.now().toISOString() }],
  };
}
