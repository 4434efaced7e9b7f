/**
 * Builds the Jira ticket an escalation creates, from facts the agent gathered. Pure: the same
 * facts give the same draft, so a retried escalation sends the same content. Written for IT
 * staff: everything needed to start work without a follow-up question.
 */
import { reporterLabel } from './labels.js';
import {
  CATEGORY_NAMES,
  MAX_DESCRIPTION_LENGTH,
  MAX_SUMMARY_LENGTH,
  type Category,
  type Priority,
} from '../domain/index.js';
import type { TicketDraft } from './ports.js';

export type StepOutcome = 'fixed' | 'not_fixed' | 'unknown';

export interface TicketFacts {
  reporter: { name: string; email: string };
  conversationId: string;
  category: Category;
  priority: Priority;
  /** Why the priority is what it is, e.g. `mentions "whole team"`. */
  priorityReason?: string;
  /** The employee's first message, verbatim. */
  firstMessage: string;
  /** A short description of what is wrong, usually the first sentence of the first message. */
  symptom: string;
  environment: { app?: string; os?: string; device?: string; errorText?: string };
  stepsTried: { step: string; outcome: StepOutcome; note?: string }[];
  playbooks: { id: string; title: string }[];
  transcript: { role: 'user' | 'assistant'; text: string; at: string }[];
}

const OUTCOME_LABELS: Record<StepOutcome, string> = {
  fixed: 'fixed it',
  not_fixed: 'did not help',
  unknown: 'outcome not reported',
};

export function buildTicketDraft(facts: TicketFacts): TicketDraft {
  return {
    summary: buildSummary(facts),
    description: buildDescription(facts),
    category: facts.category,
    priority: facts.priority,
    labels: [reporterLabel(facts.reporter.email)],
  };
}

/** `Teams: white screen on startup (Windows laptop)` — category, symptom, then app/device. */
export function buildSummary(facts: Pick<TicketFacts, 'category' | 'symptom' | 'environment'>): string {
  const label = CATEGORY_NAMES.en[facts.category];
  const symptom = trimSymptom(oneLine(facts.symptom), label) || 'problem reported in chat';
  const { app, os, device } = facts.environment;
  const env: string[] = [];
  if (app && app.toLowerCase() !== label.toLowerCase() && !symptom.toLowerCase().includes(app.toLowerCase())) {
    env.push(app);
  }
  const machine = [os, device].filter(Boolean).join(' ');
  if (machine) env.push(machine);
  const head = `${label}: `;
  const tail = env.length > 0 ? ` (${env.join(', ')})` : '';
  const room = MAX_SUMMARY_LENGTH - head.length - tail.length;
  if (room >= 20) return head + truncate(symptom, room) + tail;
  return truncate(head + symptom, MAX_SUMMARY_LENGTH);
}

/** The stated environment as Markdown list lines; empty when nothing was stated. */
export function environmentLines(env: TicketFacts['environment']): string[] {
  return [
    env.app && `- Application: ${env.app}`,
    env.os && `- Operating system: ${env.os}`,
    env.device && `- Device: ${env.device}`,
    env.errorText && `- Error text: \`${env.errorText.replace(/`/g, "'")}\``,
  ].filter((line): line is string => Boolean(line));
}

/** The steps tried as a numbered Markdown list with outcomes, or the `none` line. */
export function stepLines(steps: TicketFacts['stepsTried'], none: string): string[] {
  if (steps.length === 0) return [none];
  return steps.map(
    (s, i) =>
      `${i + 1}. ${oneLine(s.step)} — **${OUTCOME_LABELS[s.outcome]}**` +
      (s.note ? ` (employee: "${oneLine(s.note)}")` : ''),
  );
}

function buildDescription(facts: TicketFacts): string {
  const envLines = environmentLines(facts.environment);
  const head = [
    `**Reporter:** ${facts.reporter.name} <${facts.reporter.email}>`,
    `**Category:** ${CATEGORY_NAMES.en[facts.category]} (\`${facts.category}\`)`,
    `**Priority:** ${facts.priority}${facts.priorityReason ? ` — ${facts.priorityReason}` : ''}`,
    `**Conversation:** ${facts.conversationId}`,
    '',
    "### The employee's own words",
    quote(facts.firstMessage),
    '',
    '### Environment',
    ...(envLines.length > 0 ? envLines : ['- Not stated in the chat']),
    '',
    '### Troubleshooting steps tried',
    ...stepLines(facts.stepsTried, '- None: the employee asked for a ticket before trying steps'),
    '',
    '### Knowledge-base articles used',
    ...(facts.playbooks.length > 0 ? facts.playbooks.map((p) => `- *${p.title}* (\`${p.id}\`)`) : ['- None']),
    '',
    '### Transcript',
  ].join('\n');

  const lines = facts.transcript.map(
    (m) =>
      `- ${m.at.replace(/\.\d{3}Z$/, 'Z')} **${m.role === 'user' ? 'Employee' : 'Assistant'}:** ${m.text.replace(/\n+/g, '\n  ')}`,
  );
  let omitted = 0;
  while (lines.length > 0 && head.length + lines.join('\n').length + 80 > MAX_DESCRIPTION_LENGTH) {
    lines.shift();
    omitted++;
  }
  if (omitted > 0) lines.unshift(`- (${omitted} earlier messages omitted for length)`);
  return `${head}\n${lines.join('\n')}\n`;
}

/** Drops a leading repeat of the category ("Teams shows a white screen" under "Teams:"). */
function trimSymptom(symptom: string, label: string): string {
  const lead = new RegExp(
    `^(?:the |my |our )?${escapeRegExp(label)}\\s+(?:(?:is|just)\\s+)?(?:shows?|showing|displays?|gives?|has)?\\s*(?:an?\\s+)?`,
    'i',
  );
  // Japanese joins the name with a particle: "Teamsの通知が来ません".
  const leadJa = new RegExp(`^${escapeRegExp(label)}\\s*[のがでは]`, 'i');
  const stripped = symptom.replace(lead, '').replace(leadJa, '');
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
