/**
 * The shape of a scripted conversation (docs/conversations.md is what the cases are written
 * against). Strict objects everywhere: a misspelt key in a YAML case must fail loudly instead of
 * silently skipping the check it was meant to add.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

export const PATTERNS = [
  'follow-up',
  'step-question',
  'fixed',
  'partly-fixed',
  'leading-yes',
  'second-problem',
  'offer-consent',
  'offer-refusal',
  'offer-resolved',
  'offer-question',
  'thanks-no-consent',
  'change-of-mind',
  'consent-conditions',
  'person-request',
  'priority',
  'security',
  'not-it',
  'requests',
  'vague-opener',
  'language',
] as const;
export type Pattern = (typeof PATTERNS)[number];

// The taxonomy slugs plus `security`, which docs/conversations.md adds as its own category.
export const CASE_CATEGORIES = [
  'teams',
  'email',
  'vpn',
  'network',
  'printer',
  'account',
  'mfa',
  'hardware',
  'software',
  'performance',
  'storage',
  'audio-video',
  'display',
  'access',
  'mobile',
  'security',
  'other',
] as const;

const expectSchema = z.strictObject({
  offer: z.boolean().optional(),
  ticket: z.boolean().optional(),
  steps: z.boolean().optional(),
  question: z.literal(true).optional(),
  choices: z.literal(true).optional(),
  includes: z.array(z.string().min(1)).optional(),
  excludes: z.array(z.string().min(1)).optional(),
  japanese: z.literal(true).optional(),
  differsFromPrevious: z.literal(true).optional(),
});
export type TurnExpect = z.infer<typeof expectSchema>;

const turnSchema = z.strictObject({ user: z.string().trim().min(1), expect: expectSchema.optional() });

const resultSchema = z.strictObject({
  tickets: z.number().int().min(0),
  category: z.enum(CASE_CATEGORIES).optional(),
  priority: z.enum(['Highest', 'High', 'Medium', 'Low']).optional(),
  labels: z.array(z.string().min(1)).optional(),
  descriptionIncludes: z.array(z.string().min(1)).optional(),
});
export type CaseResult = z.infer<typeof resultSchema>;

export const caseSchema = z
  .strictObject({
    id: z.string().regex(/^(en|ja)-[a-z0-9-]+$/, 'en-/ja- prefix, lower-case kebab'),
    pattern: z.enum(PATTERNS),
    lang: z.enum(['en', 'ja']),
    turns: z.array(turnSchema).min(1),
    result: resultSchema,
  })
  .refine((c) => c.id.startsWith(`${c.lang}-`), { message: 'id prefix must match lang' })
  .refine((c) => c.result.tickets === 0 || c.result.category !== undefined, {
    message: 'a case that creates a ticket names its category',
  })
  .refine((c) => c.result.tickets > 0 || !c.result.priority, { message: 'priority needs a ticket' });
export type ConversationCase = z.infer<typeof caseSchema>;

export const CASES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cases');

/** Every case from every YAML file, validated; throws with the file and case on any problem. */
export function loadCases(dir = CASES_DIR): ConversationCase[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.yaml'));
  const cases = files.sort().flatMap((file) => loadFile(path.join(dir, file)));
  const seenIds = new Set<string>();
  const seenOpeners = new Set<string>();
  for (const c of cases) {
    if (seenIds.has(c.id)) throw new Error(`duplicate case id ${c.id}`);
    seenIds.add(c.id);
    // Same wording twice would only test one sentence twice.
    const opener = c.turns[0]!.user.toLowerCase();
    if (seenOpeners.has(opener)) throw new Error(`case ${c.id}: first message repeats another case`);
    seenOpeners.add(opener);
  }
  return cases;
}

function loadFile(file: string): ConversationCase[] {
  const stem = path.basename(file, '.yaml');
  const raw: unknown = parse(fs.readFileSync(file, 'utf8'));
  const list = z.array(z.unknown()).parse(raw);
  return list.map((item, i) => {
    const parsed = caseSchema.safeParse(item);
    if (!parsed.success) {
      throw new Error(`${path.basename(file)} case #${i + 1}: ${z.prettifyError(parsed.error)}`);
    }
    // One file (or numbered/-ja split) per pattern keeps the report's grouping honest.
    const c = parsed.data;
    if (stem !== c.pattern && !stem.startsWith(`${c.pattern}-`)) {
      throw new Error(`${path.basename(file)}: case ${c.id} has pattern ${c.pattern}`);
    }
    return c;
  });
}
