/**
 * Checks on what reached IT: the tickets a conversation created, read back from the local desk's
 * Jira REST API, against the case's `result` and the rules every ticket must meet (the first
 * message verbatim, a specific summary, the bot and category labels).
 */
import { deskGet } from '../support/test-server.js';
import type { ConversationCase } from './case-schema.js';

export interface DeskTicket {
  key: string;
  summary: string;
  description: string;
  labels: string[];
  priority: string | undefined;
}

interface DeskIssueJson {
  fields: {
    summary?: string;
    description?: string | null;
    labels?: string[];
    priority?: { name?: string } | string | null;
  };
}

export async function readTicket(url: string, key: string): Promise<DeskTicket> {
  const { fields } = await deskGet<DeskIssueJson>(url, `issue/${key}`);
  const priority = typeof fields.priority === 'string' ? fields.priority : (fields.priority?.name ?? undefined);
  return {
    key,
    summary: fields.summary ?? '',
    description: fields.description ?? '',
    labels: fields.labels ?? [],
    priority,
  };
}

// Whitespace may be reflowed by markdown rendering; the words must be exactly the employee's.
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * A summary that begins with a later message means the ticket lost the original problem. A short
 * "Category: " prefix is looked through, so "Teams: restarted, no change" is caught too.
 */
export function startsWithLaterMessage(summary: string, later: string[]): string | undefined {
  const raw = summary.toLowerCase().trim();
  const heads = [raw, raw.replace(/^[^:：]{1,24}[:：]\s*/, '')];
  return later.find((m) => {
    const t = m.toLowerCase().trim();
    return heads.some((s) => s.startsWith(t) && !/[\p{L}\p{N}]/u.test(s.charAt(t.length) || ' '));
  });
}

/** The rules every ticket created by a conversation must meet, whatever the case expects. */
export function ticketRules(c: ConversationCase, t: DeskTicket): string[] {
  const out: string[] = [];
  const first = c.turns[0]!.user;
  if (!squash(t.description).includes(squash(first)))
    out.push(`${t.key}: description lacks the first message verbatim`);
  if (t.summary.length > 120) out.push(`${t.key}: summary is ${t.summary.length} characters (max 120)`);
  const later = startsWithLaterMessage(
    t.summary,
    c.turns.slice(1).map((turn) => turn.user),
  );
  if (later) out.push(`${t.key}: summary "${t.summary}" starts with a later message "${later}"`);
  if (!t.labels.includes('it-support-bot')) out.push(`${t.key}: labels [${t.labels.join(', ')}] lack it-support-bot`);
  return out;
}

/** The case's `result` against the tickets the conversation created. */
export function resultChecks(c: ConversationCase, tickets: DeskTicket[]): string[] {
  const r = c.result;
  if (tickets.length !== r.tickets) {
    const keys = tickets.map((t) => `${t.key} "${t.summary}"`).join('; ');
    return [`expected ${r.tickets} ticket(s), got ${tickets.length}${keys ? `: ${keys}` : ''}`];
  }
  const out: string[] = [];
  for (const t of tickets) {
    const wanted = [...(r.category ? [r.category] : []), ...(r.labels ?? [])];
    const missing = wanted.filter((l) => !t.labels.includes(l));
    if (missing.length) out.push(`${t.key}: labels [${t.labels.join(', ')}] lack ${missing.join(', ')}`);
    if (r.priority && t.priority !== r.priority) out.push(`${t.key}: priority ${t.priority}, expected ${r.priority}`);
    const description = t.description.toLowerCase();
    for (const fact of r.descriptionIncludes ?? [])
      if (!description.includes(fact.toLowerCase())) out.push(`${t.key}: description lacks "${fact}"`);
    out.push(...ticketRules(c, t));
  }
  return out;
}
