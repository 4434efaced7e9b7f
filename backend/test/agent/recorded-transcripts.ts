/**
 * The chat's part in agent tests that call the agent directly: the employee's message is stored
 * before the turn and the reply after it, as the chat does, so the agent reads its transcript
 * from the conversation's messages (it is not in the checkpoints).
 */
import type { TranscriptEntry, TranscriptSource } from '../../src/agent/ports.js';
import type { SupportAgent } from '../../src/chat/ports.js';

export interface RecordedTranscripts extends TranscriptSource {
  /** The agent, with every turn's message and reply recorded around it. */
  around(agent: SupportAgent): SupportAgent;
}

export function recordedTranscripts(): RecordedTranscripts {
  const byConversation = new Map<string, TranscriptEntry[]>();
  const record = (conversationId: string, role: TranscriptEntry['role'], text: string) => {
    const entries = byConversation.get(conversationId) ?? [];
    entries.push({ role, text, at: new Date().toISOString() });
    byConversation.set(conversationId, entries);
  };
  return {
    transcript: (conversationId) => Promise.resolve([...(byConversation.get(conversationId) ?? [])]),
    around: (agent) => ({
      async reply(turn, options) {
        record(turn.conversationId, 'user', turn.text);
        const reply = await agent.reply(turn, options);
        record(turn.conversationId, 'assistant', reply.text);
        return reply;
      },
      async ticketCreated(conversationId, ticket, escalationId) {
        const said = await agent.ticketCreated(conversationId, ticket, escalationId);
        record(conversationId, 'assistant', said.text);
        return said;
      },
      close: () => agent.close(),
    }),
  };
}
