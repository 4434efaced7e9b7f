/**
 * The kinds of conversation that are not a fault to troubleshoot (docs/conversations.md): a
 * suspicious message nobody acted on gets reporting guidance; facilities and HR matters are
 * redirected to their contacts with no IT steps; a request is collected (what, for whom, the
 * approver, the reason) and offered as a request ticket; a vague opener gets one clarifying
 * question with choices. Each of these reads the employee's next message as part of its opener.
 */
import type { Language } from '../../domain/index.js';
import type { NodeDeps } from '../deps.js';
import { kindMessagesFor, missingFields, VAGUE_CHOICES } from '../kind-messages.js';
import { describeSymptom } from '../reading/extract-facts.js';
import { isTicketRequest } from '../reading/intent.js';
import { asksToLogIt, detectNotIt, insistsItIsIt, namesItThing, type NotItArea } from '../reading/not-it.js';
import { cancelsRequest, detectRequest, requestFields, type RequestReading } from '../reading/request.js';
import { admitsActing, mentionsSuspiciousMessage } from '../reading/security.js';
import { detectUrgentIssue } from '../reading/urgent-issue.js';
import { isVagueOpener } from '../reading/vague-opener.js';
import { say } from '../say.js';
import type { Problem, StepRecord, SupportStateValue } from '../state.js';
import {
  baseProblem,
  languageOf,
  openFault,
  symptomOfLaterMessage,
  type Opener,
  type Understood,
} from './open-problem.js';

const REPORT_PLAYBOOK = 'security-phishing-email';
/** The reporting steps shown at once: do not interact, report, delete. */
const REPORT_STEPS = 3;
/** A vague opener gets at most this many clarifying questions before the general playbook. */
const MAX_CLARIFYING = 2;

/** The opener's kind when it is not a plain fault; undefined means "troubleshoot it". */
export function readOpenerKind(
  deps: NodeDeps,
  state: SupportStateValue,
  opener: Opener,
  language: Language,
  options: { vague?: boolean } = {},
): Understood | undefined {
  const issue = detectUrgentIssue(opener.text);
  if (issue) return openFault(deps, state, opener, issue);
  if (mentionsSuspiciousMessage(opener.text)) return openReport(deps, opener, language);
  const notIt = detectNotIt(opener.text);
  if (notIt) return openNotIt(deps, opener, language, notIt.area);
  const request = detectRequest(opener.text);
  if (request) return openRequest(deps, opener, language, request);
  if (options.vague !== false && isVagueOpener(opener.text)) {
    const problem: Problem = { ...baseProblem(opener, 'other', undefined), symptom: '', kind: 'vague' };
    const km = kindMessagesFor(language);
    return ask(
      deps,
      problem,
      language,
      km.vagueQuestion(),
      VAGUE_CHOICES[language].map((c) => c.label),
    );
  }
  return undefined;
}

/** The next message after a vague opener, a redirect, reporting guidance or a request question. */
export function continueOpener(deps: NodeDeps, state: SupportStateValue, text: string): Understood | undefined {
  const previous = state.problem;
  if (!previous?.kind || state.escalation) return undefined;
  const opener: Opener = {
    text,
    firstMessage: `${previous.firstMessage}\n${text}`,
    transcriptStart: previous.transcriptStart,
  };
  switch (previous.kind) {
    case 'request':
      if (cancelsRequest(text)) {
        const km = kindMessagesFor(state.language);
        return { ...ask(deps, previous, state.language, km.requestCancelled()), phase: 'closed' };
      }
      // One round of questions: whatever the answer holds, the preview shows what IT will get.
      return { problem: previous, phase: 'troubleshooting', prompt: null, offerReason: 'request' };
    case 'report': {
      const acted = admitsActing(text) ?? detectUrgentIssue(text)?.kind;
      if (!acted && state.turn === 'wants_ticket') {
        // "thanks, will report it": reporting it is what they were asked to do; no ticket.
        return {
          ...ask(deps, previous, state.language, kindMessagesFor(state.language).reportThanks()),
          phase: 'closed',
        };
      }
      if (!acted) return undefined;
      const issue = {
        kind: acted,
        priority: 'Highest' as const,
        reason: `the employee acted on the message: "${text}"`,
      };
      return openFault(deps, state, { ...opener, text: opener.firstMessage }, issue);
    }
    case 'facilities':
    case 'hr':
      return continueNotIt(deps, state, opener);
    case 'vague':
      return continueVague(deps, state, previous, opener);
  }
}

function continueNotIt(deps: NodeDeps, state: SupportStateValue, opener: Opener): Understood | undefined {
  const language = languageOf(state, opener);
  const wantsTicket = isTicketRequest(opener.text) || asksToLogIt(opener.text);
  if (namesItThing(opener.text) || (insistsItIsIt(opener.text) && routesToIt(deps, opener.text))) {
    const opened = openFault(deps, state, { ...opener, symptom: symptomOfLaterMessage(opener.text) });
    return wantsTicket ? { ...opened, offerReason: opened.offerReason ?? 'asked' } : opened;
  }
  if (insistsItIsIt(opener.text) || wantsTicket) {
    // They hold it is IT's but named nothing IT looks after: ask what, without sending them away again.
    const problem: Problem = { ...baseProblem(opener, 'other', undefined), symptom: '', kind: 'vague' };
    return ask(deps, problem, language, kindMessagesFor(language).whatIsTheItPart());
  }
  return undefined;
}

function routesToIt(deps: NodeDeps, text: string): boolean {
  const match = deps.knowledge.route(text);
  return match !== undefined && match.category !== 'other' && detectNotIt(text) === undefined;
}

function continueVague(deps: NodeDeps, state: SupportStateValue, previous: Problem, opener: Opener): Understood {
  const language = languageOf(state, opener);
  const km = kindMessagesFor(language);
  const said = opener.text.normalize('NFKC').trim().toLowerCase();
  const choice = [...VAGUE_CHOICES[language], ...VAGUE_CHOICES[language === 'ja' ? 'en' : 'ja']].find(
    (c) => c.label.toLowerCase() === said,
  );
  const asked = state.transcript.slice(previous.transcriptStart).filter((m) => m.role === 'assistant').length;
  if (choice) {
    const symptom = [previous.symptom, choice.about].filter(Boolean).join(' ');
    const problem: Problem = { ...previous, firstMessage: opener.firstMessage, symptom };
    return ask(deps, problem, language, choice.about ? km.vagueFollowUp(choice.label) : km.describeInOneSentence());
  }
  if (isVagueOpener(opener.text) && asked < MAX_CLARIFYING) {
    return ask(deps, { ...previous, firstMessage: opener.firstMessage }, language, km.describeInOneSentence());
  }
  const wantsTicket = isTicketRequest(opener.text);
  if (wantsTicket || isVagueOpener(opener.text)) {
    // Still nothing specific: the general playbook, or the offer when they ask for a ticket.
    const reading: Opener = { ...opener, text: previous.symptom };
    const opened = openFault(deps, state, reading);
    const problem = { ...opened.problem, symptom: describeSymptom(previous.symptom || previous.firstMessage) };
    return { ...opened, problem, ...(wantsTicket ? { offerReason: opened.offerReason ?? 'asked' } : {}) };
  }
  // The problem as described so far: a chosen area plus these words, never the vague filler.
  const reading: Opener = {
    ...opener,
    text: [previous.symptom, opener.text].filter(Boolean).join(' '),
    symptom: symptomOfLaterMessage(opener.text),
  };
  return readOpenerKind(deps, state, reading, language, { vague: false }) ?? openFault(deps, state, reading);
}

function openReport(deps: NodeDeps, opener: Opener, language: Language): Understood {
  const playbook = deps.knowledge.get(REPORT_PLAYBOOK);
  const problem: Problem = { ...baseProblem(opener, 'security', playbook), kind: 'report' };
  const count = Math.min(REPORT_STEPS, playbook?.steps.length ?? 0);
  const inJapanese = language === 'ja' && (playbook?.stepsJa.length ?? 0) > 0;
  const shown = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    text: (inJapanese ? playbook?.stepsJa[i] : undefined) ?? playbook?.steps[i] ?? '',
  }));
  const steps: StepRecord[] = shown.map((_, i) => ({
    playbookId: REPORT_PLAYBOOK,
    step: playbook?.steps[i] ?? '',
    outcome: 'pending',
  }));
  const km = kindMessagesFor(language);
  return {
    ...say(deps, km.reportGuidance(shown), { quickReplies: km.reportReplies }),
    problem,
    language,
    // Nothing is pending: "thanks" gets a plain "you're welcome".
    phase: 'closed',
    steps,
    escalation: null,
    prompt: null,
    offerReason: null,
  };
}

function openNotIt(deps: NodeDeps, opener: Opener, language: Language, area: NotItArea): Understood {
  const problem: Problem = { ...baseProblem(opener, 'other', undefined), kind: area };
  const km = kindMessagesFor(language);
  deps.logger.debug('not an IT problem', { area });
  return { ...ask(deps, problem, language, km.notIt(area, deps.contacts ?? {}), km.notItReplies), phase: 'closed' };
}

function openRequest(deps: NodeDeps, opener: Opener, language: Language, request: RequestReading): Understood {
  const playbook = request.playbookId
    ? deps.knowledge.get(request.playbookId)
    : deps.knowledge.route(opener.text)?.playbook;
  const problem: Problem = { ...baseProblem(opener, request.category, playbook), kind: 'request' };
  const missing = missingFields(requestFields(opener.text));
  if (missing.length === 0) {
    return {
      problem,
      language,
      phase: 'troubleshooting',
      steps: [],
      escalation: null,
      prompt: null,
      offerReason: 'request',
    };
  }
  const text = kindMessagesFor(language).requestQuestion(request.kind, missing);
  return { ...ask(deps, problem, language, text), phase: 'troubleshooting' };
}

/** A question for the employee that opens (or keeps) the problem and shows no steps. */
function ask(deps: NodeDeps, problem: Problem, language: Language, text: string, quickReplies?: string[]): Understood {
  return {
    ...say(deps, text, quickReplies ? { quickReplies } : {}),
    problem,
    language,
    phase: 'idle',
    steps: [],
    escalation: null,
    prompt: null,
    offerReason: null,
  };
}
