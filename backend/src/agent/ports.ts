/**
 * What the agent needs from outside that no other folder declares for it: the conversation's
 * transcript. It lives with the conversation's messages (store/), not in the graph's checkpoints,
 * so a checkpoint stays small however long the conversation grows (issue 10, bounded storage).
 */

export interface TranscriptEntry {
  role: 'user' | 'assistant';
  text: string;
  at: string;
}

export interface TranscriptSource {
  /**
   * Every message of the conversation, oldest first, including the employee's message of the
   * turn being run (the chat stores it before the turn starts).
   */
  transcript(conversationId: string): Promise<TranscriptEntry[]>;
}
