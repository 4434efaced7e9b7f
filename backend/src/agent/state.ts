/**
 * The graph's state, checkpointed per conversation. It holds structured facts (problem,
 * steps with outcomes, escalation) rather than engine internals, so an LLM-driven node can
 * replace an offline one by writing the same fields.
 */
import { Annotation } from '@langchain/langgraph';
import type { AgentReply } from '../chat/ports.js';
import type { TicketRef, User } from '../contract/index.js';
import type { Category, Environment, Language, Priority } from '../domain/index.js';
import type { StepOutcome } from '../tickets/ticket-draft.js';
import type { TranscriptEntry } from './ports.js';
import type { OfferChoice } from './reading/existing-choice.js';
import type { UrgentKind } from './reading/urgent-issue.js';

/** Why a ticket is offered: the employee asked, the steps ran out, IT must act at once, or a request is complete. */
export type OfferReason = 'asked' | 'exhausted' | 'urgent' | 'request' | 'person';

/**
 * What kind of conversation a problem is, when it is not a fault to troubleshoot (docs/conversations.md,
 * "Kinds of conversation"): a request to collect, a matter for facilities or HR, a suspicious message
 * to report, or an opener too vague to act on yet. The last four keep reading the next message as
 * part of the opener.
 */
export type ProblemKind = 'request' | 'facilities' | 'hr' | 'report' | 'vague';

export type Phase = 'idle' | 'troubleshooting' | 'closed';

/** What the employee's latest (non-resume) message means, decided by the intake node. */
export type TurnIntent =
  | 'new_problem'
  | 'smalltalk'
  | 'resolved'
  | 'not_fixed'
  | 'wants_ticket'
  | 'decline'
  | 'other'
  /** "What's the status of my ticket?", "my tickets". */
  | 'ticket_status'
  /** New details for the ticket this conversation made. */
  | 'adds_details'
  /** The employee asks for a person: a ticket is offered at once. */
  | 'wants_person'
  /** Some of it works now, some still does not. */
  | 'partly_fixed'
  /** A question about a step just shown: explain it again, stay on the problem. */
  | 'step_question'
  /** A clearly different problem: ask whether it is new or part of the open one. */
  | 'second_problem'
  /** The answer: part of the open problem. */
  | 'same_problem'
  /** The answer: a new problem; it is opened and the first one kept. */
  | 'separate_problem';

export interface Problem {
  category: Category;
  /** The employee's words that opened this problem, verbatim. */
  firstMessage: string;
  symptom: string;
  environment: Environment;
  priority: Priority;
  priorityReason?: string;
  /** Playbooks used for this problem, in order; the last one is current. */
  playbookIds: string[];
  /**
   * Set when IT has to handle the problem at once (damage, a lost or stolen device, a security
   * incident, or a playbook marked `urgent_escalation`): no self-help steps, straight to the offer.
   */
  urgent?: UrgentKind | 'playbook';
  /** Index in `transcript` of the message that opened this problem. */
  transcriptStart: number;
  /** What the employee asked for along the way, applied to the ticket and recorded as theirs. */
  asks?: EmployeeAsks;
  /** Unset for a fault to troubleshoot. */
  kind?: ProblemKind;
}

/** The employee's own requests in the case file ("mark it urgent", "a person", "add that …"). */
export interface EmployeeAsks {
  /** An explicit priority request, with the employee's words as the reason. */
  priority?: { level: Priority; words: string };
  /** The employee asked for a person. */
  person?: boolean;
  /** Things the employee asked to add to the ticket, verbatim. */
  notes: string[];
}

/** A second problem mentioned while another was open, kept in the case file. */
export interface SecondProblem {
  /** The employee's words, verbatim. */
  text: string;
  category: Category;
  /** Index in `transcript` of the message that mentioned it. */
  transcriptIndex: number;
  /** True while "Is this a new problem, or part of the X one?" waits for an answer. */
  asking: boolean;
}

export interface StepRecord {
  playbookId: string;
  step: string;
  outcome: StepOutcome | 'pending';
  /** The employee's words about the outcome. */
  note?: string;
}

export interface Escalation {
  /** `${conversationId}:${sequence}` — one per problem, so retries reuse it. */
  id: string;
  status: 'offered' | 'declined' | 'failed' | 'created';
  ticket?: TicketRef;
}

/** A question waiting for the employee: the payload of `interrupt()`. */
export interface Prompt {
  text: string;
  quickReplies: string[];
}

function latest<T>(initial: () => T) {
  return Annotation<T>({ reducer: (_previous: T, next: T) => next, default: initial });
}

export const SupportState = Annotation.Root({
  conversationId: latest<string>(() => ''),
  user: latest<User | null>(() => null),
  /** The message id of the turn that last wrote the state (recovery after a crash). */
  turnId: latest<string>(() => ''),
  /** Whose tickets the conversation may see and comment on (AgentTurn.owner); labels its tickets. */
  owner: latest<string>(() => ''),
  /** The employee's latest message. */
  input: latest<string>(() => ''),
  language: latest<Language>(() => 'en'),
  phase: latest<Phase>(() => 'idle'),
  turn: latest<TurnIntent | null>(() => null),
  problem: latest<Problem | null>(() => null),
  /** The other problem the employee mentioned: one being asked about, or one set aside. */
  secondProblem: latest<SecondProblem | null>(() => null),
  /** The steps of the current playbook shown so far, in order; their count is where the next batch starts. */
  steps: latest<StepRecord[]>(() => []),
  offerReason: latest<OfferReason | null>(() => null),
  /** Counts escalations in this conversation; part of each escalation id. */
  escalationSeq: latest<number>(() => 0),
  escalation: latest<Escalation | null>(() => null),
  /** The employee's one answer to "shall I add this to <KEY>?", per ticket. */
  detailsConsent: latest<{ key: string; answer: 'yes' | 'no' } | null>(() => null),
  prompt: latest<Prompt | null>(() => null),
  /**
   * The employee's open bot ticket in the problem's category, looked up once per offer (before
   * the interrupt, so a resume never looks again); when set, the offer is "add to it, or new?".
   */
  openTicket: latest<TicketRef | null>(() => null),
  /** The reading of the reply to an offer; `add` only when the offer named an open ticket. */
  confirmation: latest<OfferChoice | null>(() => null),
  /** The LLM engine's answer when the reply to an offer was a question; null offline. */
  confirmationAnswer: latest<string | null>(() => null),
  /** What the last node said this turn; null when the turn ends in an interrupt. */
  reply: latest<AgentReply | null>(() => null),
  /**
   * The conversation so far, the current message included. Not checkpointed: loaded from the
   * conversation's messages with every checkpoint (transcript-checkpoints.ts); a node's reply is
   * appended for the rest of its turn.
   */
  transcript: Annotation<TranscriptEntry[]>({
    reducer: (previous, next) => previous.concat(next),
    default: () => [],
  }),
});

export type SupportStateValue = typeof SupportState.State;
export type SupportStateUpdate = typeof SupportState.Update;
