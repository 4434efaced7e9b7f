/**
 * Reads what the employee asked for into a problem just opened, whichever engine understood it:
 * a ticket or a person asked for in the opener ("Outlook crashes — can someone call me?") is
 * offered at once with what is known; priority and notes go into the case file. When the
 * employee said a second problem is a new one, it becomes the problem and the first is set aside.
 */
import type { LangGraphRunnableConfig } from '@langchain/langgraph';
import { mergeAsks, readAsks } from '../reading/asks.js';
import { isPersonRequest, isTicketRequest } from '../reading/requests.js';
import type { Problem, SecondProblem, SupportStateUpdate, SupportStateValue } from '../state.js';

type Node = (state: SupportStateValue, config?: LangGraphRunnableConfig) => Promise<SupportStateUpdate>;

export function withCaseFileReading(node: Node): Node {
  return async (state, config) => {
    const update = await node(state, config);
    const problem = problemOf(update);
    if (!problem || update.reply) return update;
    const text = state.input;
    const asks = mergeAsks(problem.asks, readAsks(text));
    const opened: Problem = { ...problem, ...(asks ? { asks } : {}), ...startOf(state) };
    const result: SupportStateUpdate = { ...update, problem: opened, ...setAside(state) };
    const asked = isTicketRequest(text) || askedBeforeAnyProblem(state);
    if (asked && !opened.kind && !opened.urgent && !update.offerReason) {
      const person = isPersonRequest(text) || asks?.person === true;
      result.offerReason = person ? 'person' : 'asked';
    }
    return result;
  };
}

/** The problem the update opens; the update type also admits LangGraph's overwrite wrapper. */
function problemOf(update: SupportStateUpdate): Problem | undefined {
  const value: unknown = update.problem;
  return value !== null && typeof value === 'object' && 'firstMessage' in value ? (value as Problem) : undefined;
}

/** "Can I talk to someone?" first, the problem after: the request still stands. */
function askedBeforeAnyProblem(state: SupportStateValue): boolean {
  if (state.problem) return false;
  return state.transcript.slice(0, -1).some((m) => m.role === 'user' && isTicketRequest(m.text));
}

/** A second problem opened from the words that mentioned it starts there in the transcript. */
function startOf(state: SupportStateValue): Partial<Problem> {
  const aside = state.secondProblem;
  return state.turn === 'separate_problem' && aside ? { transcriptStart: aside.transcriptIndex } : {};
}

function setAside(state: SupportStateValue): { secondProblem?: SecondProblem } {
  const first = state.problem;
  if (state.turn !== 'separate_problem' || !first) return {};
  return {
    secondProblem: {
      text: first.firstMessage,
      category: first.category,
      transcriptIndex: first.transcriptStart,
      asking: false,
    },
  };
}
