/**
 * Priority from what the employee says (docs/conversations.md "Priority"), English and Japanese.
 * Each message gives signals; the conversation's priority is decided from all of them:
 * - Highest: the company (or a whole department) down. Security incidents come from the
 *   urgent-issue reader and are applied by the caller.
 * - the employee's own word on urgency: "urgent", "asap", 至急 → High; "no rush", 急ぎません → Low.
 *   The latest statement counts ("urgent" then "actually no rush" is Low).
 * - High from the content: a team blocked, a deadline today, a customer or executive meeting.
 * - Medium otherwise.
 * Quoted text (error messages, file names) is not read: "Critical error" is not a request.
 */
import { PRIORITY_RANK, type Priority, type PriorityBasis, type PriorityCause } from '../../domain/index.js';
import { companyDown, contentHigh, departmentDown, noRush, urgentAsk, type Rule } from './priority-rules.js';

export interface PriorityAssessment {
  priority: Priority;
  basis?: PriorityBasis;
}

/** What one message says about priority; each field is the first matching rule's evidence. */
export interface PrioritySignals {
  highest?: PriorityBasis;
  stated?: { priority: 'High' | 'Low'; basis: PriorityBasis };
  content?: PriorityBasis;
}

const QUOTED = [
  /"[^"\n]{2,200}"/g,
  /“[^”\n]{2,200}”/g,
  /「[^」\n]{1,200}」/g,
  /『[^』\n]{1,200}』/g,
  // Single quotes only around a phrase, so "can't" and "it's" stay.
  /(?<=^|[\s(:=])'[^'\n]{2,200}'(?=$|[\s,.;:!?)])/g,
];

const globalOf = (pattern: RegExp) => new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`);

/** NFKC text with straight apostrophes and single spaces; `lower` blanks quoted phrases, same length. */
function prepare(text: string): { original: string; lower: string } {
  const original = text.normalize('NFKC').replace(/[’‘`]/g, "'").replace(/\s+/g, ' ');
  let lower = original.toLowerCase();
  // A few characters change length when lower-cased; then the words come from the lower-case text.
  if (lower.length !== original.length) return { original: lower, lower: blankQuotes(lower) };
  lower = blankQuotes(lower);
  return { original, lower };
}

function blankQuotes(text: string): string {
  let out = text;
  for (const q of QUOTED) out = out.replace(q, (m) => ' '.repeat(m.length));
  return out;
}

function firstMatch(rules: readonly Rule[], text: { original: string; lower: string }): PriorityBasis | undefined {
  for (const rule of rules) {
    const m = rule.pattern.exec(text.lower);
    if (m) return { cause: rule.cause, words: text.original.slice(m.index, m.index + m[0].length).trim() };
  }
  return undefined;
}

export function readPrioritySignals(text: string): PrioritySignals {
  const t = prepare(text);
  const signals: PrioritySignals = {};
  const calm = firstMatch(noRush, t);
  // "not urgent" must not be read again as "urgent".
  if (calm) {
    signals.stated = { priority: 'Low', basis: calm };
    for (const rule of noRush) t.lower = t.lower.replace(globalOf(rule.pattern), (m) => ' '.repeat(m.length));
  }
  const highest = firstMatch(companyDown, t) ?? firstMatch(departmentDown, t);
  if (highest) signals.highest = highest;
  const asked = firstMatch(urgentAsk, t);
  if (asked) signals.stated = { priority: 'High', basis: asked };
  const content = firstMatch(contentHigh, t);
  if (content) signals.content = content;
  return signals;
}

/** Highest content wins; then the employee's latest word on urgency; then High content; else Medium. */
export function decidePriority(messages: readonly PrioritySignals[]): PriorityAssessment {
  const highest = messages.find((s) => s.highest)?.highest;
  if (highest) return { priority: 'Highest', basis: highest };
  const stated = messages.findLast((s) => s.stated)?.stated;
  if (stated) return { priority: stated.priority, basis: stated.basis };
  const content = messages.find((s) => s.content)?.content;
  if (content) return { priority: 'High', basis: content };
  return { priority: 'Medium' };
}

export function assessPriority(text: string): PriorityAssessment {
  return decidePriority([readPrioritySignals(text)]);
}

/** Every message of the conversation, in order. */
export function assessConversation(texts: readonly string[]): PriorityAssessment {
  return decidePriority(texts.map(readPrioritySignals));
}

const ALL_RULES = [...companyDown, ...departmentDown, ...contentHigh];

/** The employee's words for one cause, whatever else the message says ("the whole team", "by noon"). */
export function findCause(text: string, ...causes: PriorityCause[]): PriorityBasis | undefined {
  const t = prepare(text);
  for (const cause of causes) {
    const found = firstMatch(
      ALL_RULES.filter((r) => r.cause === cause),
      t,
    );
    if (found) return found;
  }
  return undefined;
}

/**
 * The text without what it says about urgency, deadlines and meetings ("no rush", 至急,
 * "customer demo at 11", 役員会議): such words tell how pressing a problem is, not what it is,
 * and would otherwise pull the problem towards a meeting or performance playbook.
 */
export function withoutPriorityWords(text: string): string {
  const t = prepare(text);
  let out = t.original;
  for (const rule of [...noRush, ...urgentAsk, ...contentHigh.filter((r) => r.cause !== 'team_blocked')]) {
    for (const m of t.lower.matchAll(globalOf(rule.pattern))) {
      out = out.slice(0, m.index) + ' '.repeat(m[0].length) + out.slice(m.index + m[0].length);
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}

export function higherPriority(a: Priority, b: Priority): Priority {
  return PRIORITY_RANK[a] >= PRIORITY_RANK[b] ? a : b;
}
