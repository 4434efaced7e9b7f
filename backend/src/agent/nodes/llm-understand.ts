/**
 * Opens a problem with the model's reading of the description. Retrieval still proposes the
 * playbooks; the model picks among those few and fills the facts. Rule-found facts (urgency
 * words, an app named outright) stay; the model fills gaps. A failed call keeps the offline
 * understanding.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import type { KnowledgeBase, Playbook } from '../../knowledge/ports.js';
import type { Priority } from '../../domain/index.js';
import type { LlmNodeDeps } from '../deps.js';
import { orFallback } from '../llm/fallback.js';
import { understandingSchema, type Understanding } from '../llm/schemas.js';
import type { Environment } from '../../domain/index.js';
import { understandingMessages } from '../prompts.js';
import type { Problem, SupportStateUpdate, SupportStateValue } from '../state.js';
import { understandOffline } from './understand.js';

const MAX_CANDIDATES = 4;
const MAX_SYMPTOM = 100;

const PRIORITY: Record<Understanding['urgency'], Priority> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  highest: 'Highest',
};

/**
 * The retrieved playbook, its siblings in the same category, and the general ones. `best` is the
 * offline understanding's playbook (retrieval's pick, or the first general one), so the text is
 * routed once per turn.
 */
function candidatePlaybooks(knowledge: KnowledgeBase, best: Playbook | undefined): Playbook[] {
  const all = knowledge.list();
  const siblings = best ? all.filter((p) => p.category === best.category && p.id !== best.id) : [];
  const general = all.filter((p) => p.category === 'other');
  const unique = new Map([...(best ? [best] : []), ...siblings, ...general].map((p) => [p.id, p]));
  return [...unique.values()].slice(0, MAX_CANDIDATES);
}

export function createLlmUnderstandNode(deps: LlmNodeDeps) {
  return async (state: SupportStateValue, config?: LangGraphRunnableConfig): Promise<SupportStateUpdate> => {
    const offline = understandOffline(deps, state);
    // The kinds of conversation (a question, a redirect, a request, a security incident) are decided
    // by rule in both engines; the model only refines the understanding of a fault.
    if (offline.reply || offline.problem.kind || offline.problem.category === 'security') return offline;
    const text = state.input.trim();
    const candidates = candidatePlaybooks(deps.knowledge, deps.knowledge.get(offline.problem.playbookIds[0] ?? ''));
    return orFallback(deps.logger, 'understand', offline, async () => {
      const read = await deps.llm.extract(
        understandingSchema,
        'record_understanding',
        understandingMessages(text, candidates),
        config,
      );
      const problem = refineProblem(offline.problem, read, candidates);
      deps.logger.debug('problem understood by the model', {
        category: problem.category,
        playbook: problem.playbookIds[0],
        modelLanguage: read.language,
      });
      // The script decides the language (Japanese script is unambiguous); the model's guess is logged only.
      return { ...offline, problem };
    });
  };
}

function refineProblem(offline: Problem, read: Understanding, candidates: readonly Playbook[]): Problem {
  // A playbook outside the retrieved candidates would be ungrounded: keep retrieval's choice then.
  const playbook = candidates.find((p) => p.id === read.playbookId);
  const playbookIds = playbook ? [playbook.id] : offline.playbookIds;
  const category = playbook && playbook.category !== 'other' ? playbook.category : read.category;
  const symptom = read.symptom.trim();
  const modelEnv: Environment = {};
  for (const key of ['app', 'device', 'os', 'errorText'] as const) {
    const value = read[key]?.trim();
    if (value) modelEnv[key] = value;
  }
  // Urgency words found by rule carry their reason to the ticket; otherwise the model assesses.
  const priority = offline.priorityReason ? offline.priority : PRIORITY[read.urgency];
  return {
    ...offline,
    category,
    playbookIds,
    symptom: symptom === '' ? offline.symptom : symptom.slice(0, MAX_SYMPTOM),
    environment: { ...modelEnv, ...offline.environment },
    priority,
    ...(offline.priorityReason ? {} : priority !== 'Medium' ? { priorityReason: 'assessed from the description' } : {}),
  };
}
