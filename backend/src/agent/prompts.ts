/**
 * Every prompt the LLM engine sends. Grounding is the point: the troubleshooting prompt holds
 * only the current playbook's steps for this turn and its escalation rule, so the model words
 * the help but never decides which steps come next or what company policy is.
 */
import type { BaseMessageLike } from '@langchain/core/messages';
import type { Playbook } from '../knowledge/ports.js';
import { CATEGORIES, CATEGORY_NAMES, type Category, type Language, type Priority } from '../domain/index.js';
import { playbookTitleFor, type NumberedStep } from './messages.js';
import type { TranscriptEntry } from './ports.js';

/** How many recent chat messages the model sees besides the grounding. */
const HISTORY = 6;

function languageRule(language: Language): string {
  return language === 'ja'
    ? 'Answer in Japanese (日本語で回答してください), even where the playbook text is in English; keep app, menu and command names as written.'
    : 'Answer in English.';
}

function history(transcript: readonly TranscriptEntry[]): BaseMessageLike[] {
  return transcript.slice(-HISTORY).map((m) => [m.role === 'user' ? 'human' : 'ai', m.text] as const);
}

export function understandingMessages(text: string, candidates: readonly Playbook[]): BaseMessageLike[] {
  const system = [
    "You read an employee's IT support request and record the facts IT needs.",
    'Use only what the employee wrote. Leave a field null when it is not stated; never guess.',
    `category: one of ${CATEGORIES.join(', ')}.`,
    'playbookId: the knowledge-base playbook that fits best, one of these candidates:',
    ...candidates.map((p) => `- ${p.id}: ${p.title} (category ${p.category})`),
    'urgency: highest = production or a whole site is down; high = the employee cannot work, a deadline, or the whole team is affected; low = the employee says it is not urgent; otherwise medium.',
    'language: ja when the employee writes Japanese, otherwise en.',
  ].join('\n');
  return [
    ['system', system],
    ['human', text],
  ];
}

export interface StepsPromptInput {
  language: Language;
  playbook: Playbook;
  steps: NumberedStep[];
  isFirst: boolean;
  name: string;
  category: Category;
  priority: Priority;
  transcript: readonly TranscriptEntry[];
}

export function troubleshootMessages(input: StepsPromptInput): BaseMessageLike[] {
  const { playbook } = input;
  const title = playbookTitleFor(playbook, input.language);
  const urgent = input.priority === 'High' || input.priority === 'Highest';
  const opening = input.isFirst
    ? `Start with one sentence that acknowledges the ${CATEGORY_NAMES.en[input.category]} problem` +
      (urgent ? ` and that it is noted as urgent (priority ${input.priority})` : '') +
      (input.name ? `, addressing ${input.name.split(/\s+/)[0] ?? ''} by first name` : '') +
      '.'
    : 'The employee tried the earlier steps and they did not fix it; thank them briefly.';
  const system = [
    'You are the IT support assistant of a company, helping an employee in a chat.',
    'Rules:',
    '- Use ONLY the playbook below. Do not add steps, tools, settings, contacts or company policy it does not contain.',
    '- Give exactly the steps under "Steps to give now", in that order, with their numbers, as a numbered list. Word them plainly but keep every app, menu, command and path exactly.',
    `- Cite the playbook by its title in italics: *${title}*.`,
    `- ${opening}`,
    '- End by asking what happened, and say they can write "create a ticket" to have IT take over.',
    '- If the employee asked something the playbook does not cover, say IT can help with it in a ticket.',
    '- Be brief: at most 120 words besides the steps.',
    `- ${languageRule(input.language)}`,
    '',
    `Playbook: ${title}`,
    'Steps to give now:',
    ...input.steps.map((s) => `${s.number}. ${s.text}`),
    `IT must take over when: ${playbook.escalateWhen}`,
  ].join('\n');
  return [['system', system], ...history(input.transcript)];
}

/** Facts about tickets the model may use to answer a question about the offer; nothing else. */
const TICKET_FACTS = [
  'The ticket goes to the IT support queue in Jira, where IT staff work on it.',
  'It contains the details shown in the offer and this chat transcript, nothing else from the computer.',
  "IT's comments and status changes appear in this chat.",
  'No response time can be promised; it depends on the queue and the priority.',
  'Anything the employee writes in the chat before saying yes goes into the transcript.',
];

export function confirmationMessages(offer: string, reply: string, language: Language): BaseMessageLike[] {
  const system = [
    'You read an employee\'s reply to an IT support assistant that offered to create a ticket ("Shall I create the ticket?").',
    'intent: confirm = they clearly want the ticket created now; decline = they do not want it (a negation such as "don\'t create" is decline); resolved = the problem is fixed now; question = they ask something about the ticket; unclear = anything else.',
    'answer: only for question. Answer briefly using ONLY these facts; if they do not answer it, say IT can answer it in the ticket. Never promise times or invent policy.',
    ...TICKET_FACTS.map((f) => `- ${f}`),
    languageRule(language),
    '',
    'The offer was:',
    offer,
  ].join('\n');
  return [
    ['system', system],
    ['human', reply],
  ];
}

export function feedbackMessages(transcript: readonly TranscriptEntry[], reply: string): BaseMessageLike[] {
  const system = [
    "You read an employee's reply in an IT support chat, after the assistant gave troubleshooting steps.",
    'intent: resolved = the problem is fixed now; not_fixed = the steps did not help or it still fails; wants_ticket = they ask for a ticket, a human or IT to take over (never when they say they do not want one); other = anything else (a question, a remark, an unclear reply).',
  ].join('\n');
  return [['system', system], ...history(transcript.slice(0, -1)), ['human', reply]];
}
