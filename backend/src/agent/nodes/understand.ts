/**
 * Opens a problem from the employee's description: category and playbook by retrieval, then
 * symptom, environment and urgency by rule. The LLM variant refines the same `Problem`.
 */
import type { Priority } from '../../domain/index.js';
import type { NodeDeps } from '../deps.js';
import { describeSymptom, detectUrgency, extractEnvironment } from '../reading/extract-facts.js';
import { detectLanguage } from '../reading/text-signals.js';
import { detectUrgentIssue } from '../reading/urgent-issue.js';
import type { Problem, SupportStateUpdate, SupportStateValue } from '../state.js';

const RANK: Record<Priority, number> = { Low: 0, Medium: 1, High: 2, Highest: 3 };

/** The offline understanding of the latest message; `problem` is always set. */
export function understandOffline(deps: NodeDeps, state: SupportStateValue): SupportStateUpdate & { problem: Problem } {
  const text = state.input.trim();
  const match = deps.knowledge.route(text);
  const playbook = match?.playbook ?? deps.knowledge.list().find((p) => p.category === 'other');
  if (!playbook) throw new Error('the knowledge base needs a playbook with category "other"');
  const words = detectUrgency(text);
  // IT must act at once: by the employee's words, or because the playbook says so.
  const issue = detectUrgentIssue(text);
  const urgent = issue?.kind ?? (playbook.urgentEscalation ? 'playbook' : undefined);
  const atLeast =
    issue ?? (urgent ? { priority: 'High' as const, reason: 'the playbook needs IT at once' } : undefined);
  const urgency = atLeast && RANK[atLeast.priority] > RANK[words.priority] ? atLeast : words;
  const problem: Problem = {
    category: match?.category ?? 'other',
    firstMessage: text,
    symptom: describeSymptom(text),
    environment: extractEnvironment(text),
    priority: urgency.priority,
    ...(urgency.reason ? { priorityReason: urgency.reason } : {}),
    playbookIds: [playbook.id],
    ...(urgent ? { urgent } : {}),
    // Intake has already appended this message.
    transcriptStart: Math.max(0, state.transcript.length - 1),
  };
  deps.logger.debug('problem understood', {
    category: problem.category,
    playbook: playbook.id,
    score: match?.score,
    urgent,
  });
  return {
    problem,
    language: detectLanguage(text),
    phase: 'troubleshooting',
    steps: [],
    escalation: null,
    prompt: null,
    offerReason: urgent ? 'urgent' : null,
  };
}

export function createUnderstandNode(deps: NodeDeps) {
  return async (state: SupportStateValue): Promise<SupportStateUpdate> => understandOffline(deps, state);
}
