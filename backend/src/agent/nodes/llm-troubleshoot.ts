/**
 * The troubleshooting turn with the model writing the reply. Which steps come next is decided
 * by state (`planTroubleshoot`), exactly as offline; the model only words them, grounded in the
 * playbook, and its tokens stream to the employee. On failure the offline text answers; if
 * tokens were already streamed, the reply keeps them and continues with a note and the full
 * offline text, so the streamed pieces still join to the stored reply.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { LlmNodeDeps } from '../deps.js';
import { warnFallback } from '../llm/fallback.js';
import { ModelReplyError } from '../llm/model.js';
import { messagesFor, TROUBLESHOOT_QUICK_REPLIES } from '../messages.js';
import { troubleshootMessages } from '../prompts.js';
import { say } from '../say.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { planTroubleshoot } from './troubleshoot.js';

/** The node whose model tokens reach the employee; `createSupportAgent` forwards only these. */
export const STREAMING_NODE = 'troubleshoot';

export function createLlmTroubleshootNode(deps: LlmNodeDeps) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const { update, batch } = planTroubleshoot(deps, state);
    if (!batch || !state.problem) return update;
    const { offlineText } = batch;

    const messages = troubleshootMessages({
      language: state.language,
      playbook: batch.playbook,
      steps: batch.steps,
      isFirst: batch.isFirst,
      name: state.user?.name ?? '',
      category: state.problem.category,
      priority: state.problem.priority,
      transcript: state.transcript,
    });
    let text: string;
    try {
      text = await deps.llm.write(messages, config);
    } catch (error) {
      warnFallback(deps.logger, 'troubleshoot', error);
      const partial = error instanceof ModelReplyError ? error.partial : '';
      text = partial === '' ? offlineText : `${partial}${messagesFor(state.language).cutOff()}${offlineText}`;
    }
    return { ...update, ...say(deps, text, { quickReplies: TROUBLESHOOT_QUICK_REPLIES[state.language] }) };
  };
}
