/**
 * Builds the Jira ticket an escalation creates, from facts the agent gathered. Pure: the same
 * facts give the same draft, so a retried escalation sends the same content. Written for IT
 * staff, in the conversation's language: everything needed to start work without a follow-up
 * question — the employee's first words verbatim, the facts, each step with the outcome in the
 * employee's words, why the priority is what it is, and the transcript from the first message.
 */
import { reporterLabel } from './labels.js';
import {
  CATEGORY_NAMES,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUMMARY_LENGTH,
  PRIORITY_NAMES,
  type Category,
  type Environment,
  type Language,
  type Priority,
  type PriorityBasis,
} from '../domain/index.js';
import type { TicketDraft } from './ports.js';
import { deviceName, ticketCopyFor, type StepOutcome, type TicketCopy } from './ticket-copy.js';

export type { StepOutcome } from './ticket-copy.js';

export interface TicketFacts {
  /** `key` labels the ticket as the reporter's (see AgentTurn.owner); name and email are shown. */
  reporter: { name: string; email: string; key: string };
  conversationId: string;
  /** The conversation's language; the ticket is written in it (default English). */
  language?: Language;
  category: Category;
  priority: Priority;
  /** Why the priority is what it is; written in the ticket's language. */
  priorityBasis?: PriorityBasis;
  /** A free-text reason, used when there is no basis (e.g. `assessed from the description`). */
  priorityReason?: string;
  /** The employee's first message about this problem, verbatim. */
  firstMessage: string;
  /** The conversation's first message, when it is not `firstMessage` (a second problem). */
  openingMessage?: string;
  /** A short description of what is wrong, from the sentence that describes the problem. */
  symptom: string;
  environment: Environment;
  /** What the employee asked to add to the ticket, verbatim. */
  employeeNotes?: string[];
  stepsTried: { step: string; outcome: StepOutcome; note?: string }[];
  /** `original`: the playbook's English title, shown next to a translated one. */
  playbooks: { id: string; title: string; original?: string }[];
  /** The whole conversation from its first message. */
  transcript: { role: 'user' | 'assistant'; text: string; at: string }[];
  /** Index in `transcript` where this problem starts, when it is not the first message. */
  problemStart?: number;
}

export function buildTicketDraft(facts: TicketFacts): TicketDraft {
  return {
    summary: buildSummary(facts),
    description: buildDescription(facts),
    category: facts.category,
    priority: facts.priority,
    labels: [reporterLabel(facts.reporter.key)],
  };
}

/** `Teams: white screen on startup (Windows laptop)` — category, symptom, then app/device. */
export function buildSummary(
  facts: Pick<TicketFacts, 'category' | 'symptom' | 'environment'> & { language?: Language },
): string {
  const copy = ticketCopyFor(facts.language ?? 'en');
  const label = CATEGORY_NAMES[facts.language ?? 'en'][facts.category];
  const labels = [label, CATEGORY_NAMES.en[facts.category]];
  const symptom = trimSymptom(oneLine(facts.symptom), labels) || copy.noSummary;
  const { app, os, model } = facts.environment;
  const device = facts.environment.device && deviceName(facts.environment.device, facts.language ?? 'en');
  const env: string[] = [];
  const mentions = (name: string) =>
    labels.some((l) => l.toLowerCase() === name.toLowerCase()) || symptom.toLowerCase().includes(name.toLowerCase());
  if (app && !mentions(app)) env.push(app);
  // A model the symptom already names says more than "laptop" would.
  const machine = model ? (mentions(model) ? '' : model) : [os, device].filter(Boolean).join(' ');
  if (machine && !mentions(machine)) env.push(machine);
  const head = `${label}${copy.summarySeparator}`;
  const tail = env.length > 0 ? (facts.language === 'ja' ? `（${env.join('、')}）` : ` (${env.join(', ')})`) : '';
  const room = MAX_SUMMARY_LENGTH - head.length - tail.length;
  if (room >= 20) return head + truncate(symptom, room) + tail;
  return truncate(head + symptom, MAX_SUMMARY_LENGTH);
}

/** The stated facts as Markdown list lines; empty when nothing was stated. */
export function environmentLines(env: Environment, language: Language = 'en'): string[] {
  const c = ticketCopyFor(language);
  const errors = env.errors ?? (env.errorText ? [env.errorText] : []);
  const device = [env.device && deviceName(env.device, language), env.model].filter(Boolean).join(' — ');
  return [
    env.app && `- ${c.app}: ${env.app}`,
    env.os && `- ${c.os}: ${env.os}`,
    device && `- ${c.device}: ${device}`,
    errors.length > 0 && `- ${c.errors}: ${errors.map((e) => `\`${e.replace(/`/g, "'")}\``).join(', ')}`,
    env.since && `- ${c.since}: ${env.since}`,
    env.affected && `- ${c.affected}: ${env.affected}`,
    env.deadline && `- ${c.deadline}: ${env.deadline}`,
  ].filter((line): line is string => Boolean(line));
}

/** The steps tried as a numbered Markdown list with outcomes in the employee's words. */
export function stepLines(steps: TicketFacts['stepsTried'], none: string, language: Language = 'en'): string[] {
  const c = ticketCopyFor(language);
  if (steps.length === 0) return [none];
  return steps.map(
    (s, i) =>
      `${i + 1}. ${oneLine(s.step)} — **${c.outcome[s.outcome]}**` +
      (s.note ? ` ${c.employeeSaid(oneLine(s.note))}` : ''),
  );
}

function priorityLine(facts: TicketFacts, c: TicketCopy): string {
  const reason = facts.priorityBasis
    ? c.reason(facts.priorityBasis.cause, oneLine(facts.priorityBasis.words))
    : facts.priorityReason;
  const language = facts.language ?? 'en';
  const name = language === 'en' ? facts.priority : `${PRIORITY_NAMES[language][facts.priority]} (${facts.priority})`;
  return `**${c.priority}:** ${name}${reason ? ` — ${reason}` : ''}`;
}

function headOf(facts: TicketFacts, c: TicketCopy, language: Language): string {
  const envLines = environmentLines(facts.environment, language);
  const notes = facts.employeeNotes ?? [];
  const opening = facts.openingMessage;
  return [
    `**${c.reporter}:** ${facts.reporter.name} <${facts.reporter.email}>`,
    `**${c.category}:** ${CATEGORY_NAMES[language][facts.category]} (\`${facts.category}\`)`,
    priorityLine(facts, c),
    `**${c.conversation}:** ${facts.conversationId}`,
    '',
    `### ${c.ownWords}`,
    quote(facts.firstMessage),
    '',
    ...(opening && opening.trim() !== facts.firstMessage.trim()
      ? [`### ${c.conversationBegan}`, quote(opening), '']
      : []),
    `### ${c.facts}`,
    ...(envLines.length > 0 ? envLines : [c.noFacts]),
    '',
    ...(notes.length > 0 ? [`### ${c.notes}`, ...notes.map((n) => quote(n)), ''] : []),
    `### ${c.steps}`,
    ...stepLines(facts.stepsTried, c.noSteps, language),
    '',
    `### ${c.articles}`,
    ...(facts.playbooks.length > 0 ? facts.playbooks.map(articleLine) : [c.noArticles]),
    '',
    `### ${c.transcript}`,
  ].join('\n');
}

function articleLine(p: TicketFacts['playbooks'][number]): string {
  const original = p.original && p.original !== p.title ? ` / *${p.original}*` : '';
  return `- *${p.title}*${original} (\`${p.id}\`)`;
}

function buildDescription(facts: TicketFacts): string {
  const language = facts.language ?? 'en';
  const c = ticketCopyFor(language);
  const head = headOf(facts, c, language);
  const lines = facts.transcript.map(
    (m) =>
      `- ${m.at.replace(/\.\d{3}Z$/, 'Z')} **${m.role === 'user' ? c.employee : c.assistant}:** ${m.text.replace(/\n+/g, '\n  ')}`,
  );
  const start = facts.problemStart ?? 0;
  if (start > 0 && start < lines.length) lines.splice(start, 0, c.problemStarts);
  // The first message always stays; when Jira's limit is near, the lines after it go, oldest first.
  const first = lines.shift();
  let omitted = 0;
  const size = () => head.length + (first?.length ?? 0) + lines.join('\n').length + 120;
  while (lines.length > 1 && size() > MAX_DESCRIPTION_LENGTH) {
    lines.shift();
    omitted++;
  }
  const body = [...(first === undefined ? [] : [first]), ...(omitted > 0 ? [c.omitted(omitted)] : []), ...lines];
  return `${head}\n${body.join('\n')}\n`;
}

/** Drops a leading repeat of the category ("Teams shows a white screen" under "Teams:"). */
function trimSymptom(symptom: string, labels: string[]): string {
  let stripped = symptom;
  for (const label of labels) {
    const lead = new RegExp(
      `^(?:the |my |our )?${escapeRegExp(label)}\\s+(?:(?:is|just)\\s+)?(?:shows?|showing|displays?|gives?|has)?\\s*(?:an?\\s+)?`,
      'i',
    );
    // Japanese joins the name with a particle: "Teamsの通知が来ません".
    const leadJa = new RegExp(`^${escapeRegExp(label)}\\s*[のがでは]`, 'i');
    stripped = stripped.replace(lead, '').replace(leadJa, '');
  }
  return stripped.length >= 6 && stripped !== symptom ? stripped : symptom;
}

/** Each line as a Markdown block quote. */
export function quote(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\n');
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
