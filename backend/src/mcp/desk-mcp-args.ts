/**
 * Reading the desk MCP tools' arguments the way mcp-atlassian 0.23.1 reads them: comma-separated
 * strings, `*all`, `include` sections with their aliases, and `additional_fields` as a JSON string.
 */
import { z } from 'zod';
import type { CreateIssueInput } from '../desk/desk-types.js';
import type { IncludeSection, RequestedFields } from '../desk/presenters/mcp-atlassian.js';
import { AppError } from '../shared/errors.js';

type ExtraFields = Pick<CreateIssueInput, 'labels' | 'priority' | 'components'>;

/** The few Jira fields the desk keeps; other keys are ignored, as Jira ignores unknown fields here. */
export function parseAdditionalFields(text: string | null | undefined): ExtraFields {
  if (text === null || text === undefined || text.trim() === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new AppError(
      'bad_request:additional_fields',
      `additional_fields is not valid JSON: ${(error as Error).message}`,
    );
  }
  const shape = z.object({
    labels: z.union([z.array(z.string()), z.string().transform((s) => splitList(s))]).optional(),
    priority: z.union([z.object({ name: z.string() }).transform((p) => p.name), z.string()]).optional(),
    components: z.array(z.union([z.object({ name: z.string() }).transform((c) => c.name), z.string()])).optional(),
  });
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new AppError('bad_request:additional_fields', 'Parsed additional_fields is not a JSON object (dict).');
  }
  const result = shape.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AppError(
      'bad_request:additional_fields',
      `additional_fields.${issue?.path.join('.') ?? ''} is not valid`,
    );
  }
  const out: ExtraFields = {};
  if (result.data.labels) out.labels = result.data.labels;
  if (result.data.priority !== undefined) out.priority = result.data.priority;
  if (result.data.components) out.components = result.data.components;
  return out;
}

export function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function parseFields(fields: string): RequestedFields {
  if (fields.trim() === '*all') return '*all';
  return splitList(fields);
}

const INCLUDE_SECTIONS: readonly IncludeSection[] = [
  'remote_links',
  'transitions',
  'watchers',
  'changelog',
  'comments',
  'worklogs',
];
const INCLUDE_ALIASES: Record<string, IncludeSection> = { comment: 'comments', worklog: 'worklogs' };

const isIncludeSection = (name: string): name is IncludeSection =>
  (INCLUDE_SECTIONS as readonly string[]).includes(name);

/** jira_get_issue's `include`: known sections and their aliases, `all` for every one; others ignored. */
export function parseInclude(include: string | undefined): Set<IncludeSection> {
  const sections = new Set<IncludeSection>();
  for (const raw of splitList(include)) {
    const name = raw.toLowerCase();
    if (name === 'all') INCLUDE_SECTIONS.forEach((s) => sections.add(s));
    const section = INCLUDE_ALIASES[name] ?? name;
    if (isIncludeSection(section)) sections.add(section);
  }
  return sections;
}

export function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const sa = new Set(a);
  return sa.size === new Set(b).size && b.every((x) => sa.has(x));
}
