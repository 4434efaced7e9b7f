/**
 * Maps the case file onto the facts a ticket draft is built from. Every ticket carries the
 * conversation's first message and the transcript from it (issue 9), marked where this problem
 * starts; facts and priority are read again from every employee message of the case (from the
 * start, unless a ticket closed an earlier case), so a fact or an "urgent" said before a
 * mis-routing is not lost.
 */
import { PRIORITY_RANK, type Language, type PriorityBasis, type Priority } from '../domain/index.js';
import type { KnowledgeBase, Playbook } from '../knowledge/ports.js';
import type { TicketFacts } from '../tickets/ticket-draft.js';
import { describeSymptom, extractEnvironment, mergeEnvironment } from './reading/extract-facts.js';
import { assessConversation } from './reading/priority.js';
import { playbookTitleFor } from './messages.js';
import type { Problem, SupportStateValue } from './state.js';

export interface TicketPriority {
  priority: Priority;
  basis?: PriorityBasis;
}

/**
 * Where this problem's case begins in the transcript: the conversation's first message, unless
 * an earlier escalation closed a case before this problem was opened.
 */
export function caseStart(state: SupportStateValue, problem: Problem): number {
  // A new problem clears the escalation, so a current one is this problem's own.
  const earlierEscalations = state.escalationSeq - (state.escalation ? 1 : 0);
  const isLaterCase = earlierEscalations > 0 && problem.transcriptStart > 0;
  return isLaterCase ? problem.transcriptStart : 0;
}

function employeeTexts(state: SupportStateValue, from: number): string[] {
  return state.transcript.slice(from).flatMap((m) => (m.role === 'user' ? [m.text] : []));
}

/** An issue IT must handle at once sets a floor: a damaged device High, the rest Highest. */
function urgentFloor(problem: Problem): TicketPriority | undefined {
  if (!problem.urgent) return undefined;
  if (problem.urgent === 'damage' || problem.urgent === 'playbook') {
    return { priority: 'High', basis: { cause: 'urgent_issue', words: '' } };
  }
  return { priority: 'Highest', basis: { cause: 'security', words: '' } };
}

/**
 * The ticket's priority (docs/conversations.md "Priority"): the employee's explicit request wins
 * (a "mark it urgent" does not lower an outage to High); then a security incident; then what every
 * message of the case says; the problem's own assessment (the model's in LLM mode, a security
 * reading) counts when it is Highest or the messages say nothing either way.
 */
export function ticketPriority(state: SupportStateValue, problem: Problem): TicketPriority {
  const said = assessConversation(employeeTexts(state, caseStart(state, problem)));
  const floor = urgentFloor(problem);
  let best: TicketPriority = floor && PRIORITY_RANK[floor.priority] >= PRIORITY_RANK[said.priority] ? floor : said;
  if (problem.priority === 'Highest' && best.priority !== 'Highest') {
    best = {
      priority: 'Highest',
      basis: { cause: problem.category === 'security' ? 'security' : 'assessed', words: '' },
    };
  }
  const asked = problem.asks?.priority;
  if (asked && !(asked.level === 'High' && best.priority === 'Highest')) {
    return { priority: asked.level, basis: { cause: 'asked', words: asked.words } };
  }
  if (best.basis) return best;
  if (problem.priority !== 'Medium') return { priority: problem.priority, basis: { cause: 'assessed', words: '' } };
  return { priority: 'Medium' };
}

/**
 * The message that first described this problem. When a follow-up ("restarted, no change",
 * "probably part of the same thing") was taken for a new problem, the problem's own first
 * message is that follow-up; the case's earlier description of the same category is the real one.
 */
export function originalMessage(
  state: SupportStateValue,
  problem: Problem,
  knowledge: KnowledgeBase,
): { text: string; at: number } {
  const own = { text: problem.firstMessage, at: problem.transcriptStart };
  const start = caseStart(state, problem);
  const earlier = state.transcript
    .slice(start, problem.transcriptStart)
    .flatMap((m, i) => (m.role === 'user' ? [{ text: m.text, at: start + i }] : []));
  const sameKind = earlier.find((m) => knowledge.route(m.text)?.category === problem.category);
  if (sameKind) return sameKind;
  // A report on steps describes no problem of its own: the case's first message does.
  if (earlier[0] && STEP_REPORT.test(problem.firstMessage)) return earlier[0];
  return own;
}

const STEP_REPORT =
  /\b(?:still|same (?:thing|error|problem|issue|result)|no change|no luck|didn'?t (?:help|work|fix)|did not (?:help|work|fix)|nope|tried (?:that|it|this|everything)|like (?:you|u) said|did that|as you said)\b|同じです|同じでした|状況は同じ|変化(?:なし|がない|はない|ありません)|だめでした|ダメでした|やったけど|しましたが|試しましたが|直りません|変わりません|効果(?:なし|がない|はない|ありません)/i;

export function ticketFactsFrom(state: SupportStateValue, problem: Problem, knowledge: KnowledgeBase): TicketFacts {
  const start = caseStart(state, problem);
  const origin = originalMessage(state, problem, knowledge);
  const isOwn = origin.at === problem.transcriptStart;
  const environment = employeeTexts(state, start).reduce(
    (env, text) => mergeEnvironment(env, extractEnvironment(text)),
    problem.environment,
  );
  const opening = state.transcript.find((m) => m.role === 'user')?.text;
  const priority = ticketPriority(state, problem);
  const notes = problem.asks?.notes ?? [];
  return {
    reporter: {
      name: state.user?.name ?? 'Unknown',
      email: state.user?.email ?? 'unknown',
      key: ownerOf(state),
    },
    conversationId: state.conversationId,
    language: state.language,
    category: problem.category,
    priority: priority.priority,
    ...(priority.basis ? { priorityBasis: priority.basis } : {}),
    firstMessage: origin.text,
    ...(opening && opening.trim() !== origin.text.trim() ? { openingMessage: opening } : {}),
    symptom: isOwn ? problem.symptom : describeSymptom(origin.text),
    environment,
    ...(notes.length > 0 ? { employeeNotes: notes } : {}),
    stepsTried: state.steps.map((s) => ({
      step: stepIn(state.language, s.step, knowledge.get(s.playbookId)),
      outcome: s.outcome === 'pending' ? 'unknown' : s.outcome,
      ...(s.note ? { note: s.note } : {}),
    })),
    playbooks: problem.playbookIds.map((id) => {
      const playbook = knowledge.get(id);
      if (!playbook) return { id, title: id };
      return { id, title: playbookTitleFor(playbook, state.language), original: playbook.title };
    }),
    transcript: state.transcript,
    ...(origin.at > 0 ? { problemStart: origin.at } : {}),
  };
}

/** A step as the employee was shown it: the playbook's Japanese text in a Japanese conversation. */
function stepIn(language: Language, step: string, playbook: Playbook | undefined): string {
  if (language !== 'ja' || !playbook) return step;
  const at = playbook.steps.indexOf(step);
  return (at >= 0 ? playbook.stepsJa[at] : undefined) ?? step;
}

/** The key the conversation's tickets are labelled and looked up under (the email before owners existed). */
export function ownerOf(state: SupportStateValue): string {
  return state.owner || (state.user?.email ?? 'unknown');
}
