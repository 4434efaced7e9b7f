/**
 * Opens a problem from the employee's description. First the kind of conversation
 * (docs/conversations.md, "Kinds of conversation"): a security incident, a suspicious message to
 * report, a matter for facilities or HR, a request, or an opener too vague to act on; otherwise a
 * fault, whose category and playbook come by retrieval and whose symptom, environment and
 * urgency come by rule. A vague opener, a redirected problem and a request being collected read
 * the next message as part of the opener. The LLM variant refines the same `Problem`.
 */
import type { NodeDeps } from '../deps.js';
import { detectLanguage } from '../reading/text-signals.js';
import type { SupportStateUpdate, SupportStateValue } from '../state.js';
import { openFault, type Opener, type Understood } from './open-problem.js';
import { continueOpener, readOpenerKind } from './understand-kinds.js';

/** The offline understanding of the latest message; `problem` is always set. */
export function understandOffline(deps: NodeDeps, state: SupportStateValue): Understood {
  const text = state.input.trim();
  const continued = continueOpener(deps, state, text);
  if (continued) return continued;
  const opener: Opener = { text, firstMessage: text, transcriptStart: Math.max(0, state.transcript.length - 1) };
  return readOpenerKind(deps, state, opener, detectLanguage(text)) ?? openFault(deps, state, opener);
}

export function createUnderstandNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => understandOffline(deps, state);
}
