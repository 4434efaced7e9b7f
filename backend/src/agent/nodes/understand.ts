/**
 * Opens a problem from the employee's description: category and playbook by retrieval, then
 * symptom, environment and urgency by rule. The LLM variant refines the same `Problem`.
 */
import type { NodeDeps } from '../deps.js';
import { describeSymptom, detectUrgency, extractEnvironment } from '../offline/extract-facts.js';
import { detectLanguage } from '../offline/text-signals.js';
import type { Problem, SupportStateUpdate, SupportStateValue } from '../state.js';

/** The offline understanding of the latest message; `problem` is always set. */
export function understandOffline(deps: NodeDeps, state: SupportStateValue): SupportStateUpdate & { problem: Problem } {
  const text = state.input.trim();
  const match = deps.knowledge.route(text);
  const playbook = match?.playbook ?? deps.knowledge.list().find((p) => p.category === 'other');
  if (!playbook) throw new Error('the knowledge base needs a playbook with category "other"');
  const urgency = detectUrgency(text);
  const problem: Problem = {
    category: match?.category ?? 'other',
    firstMessage: text,
    symptom: describeSymptom(text),
    environment: extractEnvironment(text),
    priority: urgency.priority,
    ...(urgency.reason ? { priorityReason: urgency.reason } : {}),
    playbookIds: [playbook.id],
    // Intake has already appended this message.
    transcriptStart: Math.max(0, state.transcript.length - 1),
  };
  deps.logger.debug('problem understood', { category: problem.category, playbook: playbook.id, score: match?.score });
  return {
    problem,
    language: detectLanguage(text),
    phase: 'troubleshooting',
    stepsShown: 0,
    steps: [],
    escalation: null,
    prompt: null,
    offerReason: null,
  };
}

export function createUnderstandNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => understandOffline(deps, state);
}
