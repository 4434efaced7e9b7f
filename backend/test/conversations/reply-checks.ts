/**
 * Per-turn checks on one assistant reply. Each returns readable failure messages, never throws,
 * so one case reports every broken expectation at once.
 */
import type { ChatMessage } from '../../src/contract/index.js';
import { isOffer } from '../support/test-server.js';
import type { TurnExpect } from './case-schema.js';

export interface TurnObservation {
  reply: ChatMessage;
  /** Ticket keys created during this turn (reply.ticket and `ticket:created` events). */
  newTickets: string[];
  previousReply: string | undefined;
}

const STEPS = /^\s*1[.)．]/m;

// Multi-word product names may legitimately appear in English inside a Japanese reply.
const PRODUCT_NAMES =
  /(Microsoft|Cisco|Google|Adobe|Windows|Company|Self[- ]Service|Secure|Mobility|Client|Portal|Authenticator|Office|Teams|Outlook|OneDrive|SharePoint|Acrobat|Reader|Defender|Hello|AnyConnect|Intune|Zoom|Chrome|Edge)\b/gi;

/** The English a Japanese reply may contain: code spans, URLs, e-mail addresses, product names. */
function withoutAllowedEnglish(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\S+@\S+/g, ' ')
    .replace(PRODUCT_NAMES, ' ');
}

/** A Japanese reply: Japanese script, and no run of 4+ ASCII words outside what is allowed. */
export function japaneseProblem(text: string): string | undefined {
  if (!/[\u3040-\u30ff\u4e00-\u9fff]/.test(text)) return 'has no Japanese script';
  const run = withoutAllowedEnglish(text).match(/[A-Za-z][A-Za-z'’-]*(?:[ \t,]+[A-Za-z][A-Za-z'’-]*){3,}/);
  return run ? `contains the English run "${run[0]}"` : undefined;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 240)}…` : flat;
}

function flagChecks(expect: TurnExpect, obs: TurnObservation): string[] {
  const { reply, newTickets } = obs;
  const out: string[] = [];
  const yesNo = (b: boolean) => (b ? 'is' : 'is not');
  if (expect.offer !== undefined && isOffer(reply) !== expect.offer)
    out.push(`expected the reply ${yesNo(expect.offer)} a ticket offer`);
  if (expect.ticket !== undefined && newTickets.length > 0 !== expect.ticket)
    out.push(
      expect.ticket ? 'expected a ticket in this turn, none created' : `unexpected ticket ${newTickets.join(', ')}`,
    );
  if (expect.steps !== undefined && STEPS.test(reply.text) !== expect.steps)
    out.push(`expected ${expect.steps ? 'numbered steps' : 'no numbered steps'}`);
  if (expect.question && !/[?？]/.test(reply.text)) out.push('expected a question');
  if (expect.choices && !(reply.quickReplies && reply.quickReplies.length > 0)) out.push('expected quick replies');
  return out;
}

function textChecks(expect: TurnExpect, obs: TurnObservation): string[] {
  const lower = obs.reply.text.toLowerCase();
  const out: string[] = [];
  for (const s of expect.includes ?? []) if (!lower.includes(s.toLowerCase())) out.push(`expected "${s}" in the reply`);
  for (const s of expect.excludes ?? [])
    if (lower.includes(s.toLowerCase())) out.push(`expected no "${s}" in the reply`);
  if (expect.japanese) {
    const problem = japaneseProblem(obs.reply.text);
    if (problem) out.push(`expected a Japanese reply; it ${problem}`);
  }
  if (expect.differsFromPrevious && obs.previousReply?.trim() === obs.reply.text.trim())
    out.push('expected a different reply from the previous one');
  return out;
}

/** Failure messages for one turn, each prefixed with the turn and followed by the reply text. */
export function checkTurn(index: number, userText: string, expect: TurnExpect, obs: TurnObservation): string[] {
  const problems = [...flagChecks(expect, obs), ...textChecks(expect, obs)];
  const choices = obs.reply.quickReplies?.length ? ` [choices: ${obs.reply.quickReplies.join(' | ')}]` : '';
  return problems.map(
    (p) => `turn ${index + 1} ("${quote(userText)}"): ${p}; reply: "${quote(obs.reply.text)}"${choices}`,
  );
}
