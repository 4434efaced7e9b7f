/**
 * Opening a problem from the employee's opener: the shapes every kind shares, and a fault (or an
 * urgent issue) whose category and playbook come by retrieval, unless a security incident names
 * its own security playbook.
 */
import type { Category, Priority } from '../../domain/index.js';
import type { Playbook } from '../../knowledge/ports.js';
import type { NodeDeps } from '../deps.js';
import { describeSymptom, detectUrgency, extractEnvironment } from '../reading/extract-facts.js';
import { detectLanguage } from '../reading/text-signals.js';
import { detectUrgentIssue, SECURITY_PLAYBOOKS, type UrgentIssue, type UrgentKind } from '../reading/urgent-issue.js';
import type { Problem, SupportStateUpdate, SupportStateValue } from '../state.js';

const RANK: Record<Priority, number> = { Low: 0, Medium: 1, High: 2, Highest: 3 };

export type Understood = SupportStateUpdate & { problem: Problem };

/** What the opener is read from: the words to route, the verbatim first words, where the case starts. */
export interface Opener {
  /** The words that describe the problem (a vague opener's filler left out). */
  text: string;
  /** The employee's words from the first message of this problem on, verbatim. */
  firstMessage: string;
  transcriptStart: number;
  /** The symptom when it is not the opener's own (a later message that says what the problem is). */
  symptom?: string;
}

/**
 * A fault (or an urgent issue) from the opener. IT must act at once by the employee's words
 * (a security incident answered from its security playbook), or because the playbook says so.
 */
export function openFault(
  deps: NodeDeps,
  state: SupportStateValue,
  opener: Opener,
  issue: UrgentIssue | undefined = detectUrgentIssue(opener.text),
): Understood {
  const securityPlaybook = issue && SECURITY_PLAYBOOKS[issue.kind];
  const forced = securityPlaybook ? deps.knowledge.get(securityPlaybook) : undefined;
  const match = forced ? undefined : deps.knowledge.route(opener.text);
  const playbook = forced ?? match?.playbook ?? generalPlaybook(deps);
  const category: Category = forced ? 'security' : (match?.category ?? 'other');
  // Retrieval found a security incident the rules missed (typos, other words): the same incident.
  const kindOfPlaybook = playbook.urgentEscalation ? securityKindOf(playbook.id) : undefined;
  issue ??= kindOfPlaybook && {
    kind: kindOfPlaybook,
    priority: 'Highest',
    reason: `matches the playbook "${playbook.title}"`,
  };
  const urgent = issue?.kind ?? (playbook.urgentEscalation ? 'playbook' : undefined);
  const words = detectUrgency(opener.firstMessage);
  const atLeast =
    issue ?? (urgent ? { priority: 'High' as const, reason: 'the playbook needs IT at once' } : undefined);
  const urgency = atLeast && RANK[atLeast.priority] > RANK[words.priority] ? atLeast : words;
  const problem: Problem = {
    ...baseProblem(opener, category, playbook),
    priority: urgency.priority,
    ...(urgency.reason ? { priorityReason: urgency.reason } : {}),
    ...(urgent ? { urgent } : {}),
  };
  deps.logger.debug('problem understood', { category, playbook: playbook.id, score: match?.score, urgent });
  return {
    problem,
    language: languageOf(state, opener),
    phase: 'troubleshooting',
    steps: [],
    escalation: null,
    prompt: null,
    offerReason: urgent ? 'urgent' : null,
  };
}

/** The parts of a problem every kind shares. */
export function baseProblem(opener: Opener, category: Category, playbook: Playbook | undefined): Problem {
  return {
    category,
    firstMessage: opener.firstMessage,
    symptom: opener.symptom ?? describeSymptom(opener.text),
    environment: extractEnvironment(opener.firstMessage),
    priority: 'Medium',
    playbookIds: playbook ? [playbook.id] : [],
    transcriptStart: opener.transcriptStart,
  };
}

export function generalPlaybook(deps: NodeDeps): Playbook {
  const playbook = deps.knowledge.list().find((p) => p.category === 'other');
  if (!playbook) throw new Error('the knowledge base needs a playbook with category "other"');
  return playbook;
}

/** A continued opener keeps the conversation's language unless the new words are clearly another. */
export function languageOf(state: SupportStateValue, opener: Opener) {
  const continued = opener.firstMessage !== opener.text || opener.transcriptStart < state.transcript.length - 1;
  return detectLanguage(state.input, continued ? state.language : undefined);
}

/**
 * The symptom of a problem stated in a later message (after a vague opener or a redirect): its
 * most telling clause, so the ticket's summary reads as a summary rather than a quote of the reply.
 */
export function symptomOfLaterMessage(text: string): string {
  const symptom = describeSymptom(text);
  const clauses = symptom
    .split(/[,;，、。]|\s[-–—]\s/)
    .map((c) => c.trim())
    .filter((c) => c.split(/\s+/).length >= 2 && !/\bticket\b|チケット/i.test(c));
  if (clauses.length < 2) return symptom;
  return clauses.reduce((a, b) => (b.length > a.length ? b : a));
}

function securityKindOf(playbookId: string): UrgentKind | undefined {
  const entry = Object.entries(SECURITY_PLAYBOOKS).find(([, id]) => id === playbookId);
  return entry?.[0] as UrgentKind | undefined;
}
