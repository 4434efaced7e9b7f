/**
 * Turns one playbook Markdown file into a Playbook. The body's `## Steps` section (or, without
 * headings, the whole body) holds an ordered list; an optional `## 手順` section holds the same
 * steps in Japanese. Authoring mistakes throw with the file name so start-up says what to fix.
 */
import { z } from 'zod';
import { CATEGORIES } from '../domain/index.js';
import { parseFrontMatter } from './front-matter.js';
import type { Playbook } from './ports.js';

export const MIN_STEPS = 4;
export const MAX_STEPS = 9;

const list = z.union([z.array(z.string()), z.string().transform((s) => (s === '' ? [] : [s]))]);

const frontMatterSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a kebab-case id'),
  category: z.enum(CATEGORIES),
  title: z.string().min(1),
  title_ja: z.string().min(1).optional(),
  keywords_en: list.default([]),
  keywords_ja: list.default([]),
  escalate_when: z.string().min(1),
  urgent_escalation: z.enum(['true', 'false']).default('false'),
});

export function parsePlaybook(text: string, file: string): Playbook {
  try {
    const { data, body } = parseFrontMatter(text);
    const meta = frontMatterSchema.parse(data);
    const sections = splitSections(body);
    const steps = orderedItems(sections.get('steps') ?? (sections.size === 0 ? body : ''));
    const stepsJa = orderedItems(sections.get('手順') ?? '');
    if (steps.length < MIN_STEPS || steps.length > MAX_STEPS) {
      throw new Error(`has ${steps.length} steps; a playbook needs ${MIN_STEPS} to ${MAX_STEPS}`);
    }
    if (stepsJa.length > 0 && stepsJa.length !== steps.length) {
      throw new Error(`has ${steps.length} steps but ${stepsJa.length} Japanese steps`);
    }
    return {
      id: meta.id,
      category: meta.category,
      title: meta.title,
      titleJa: meta.title_ja,
      keywordsEn: meta.keywords_en,
      keywordsJa: meta.keywords_ja,
      escalateWhen: meta.escalate_when,
      urgentEscalation: meta.urgent_escalation === 'true',
      steps,
      stepsJa,
      file,
    };
  } catch (error) {
    const reason = error instanceof z.ZodError ? z.prettifyError(error) : String((error as Error).message ?? error);
    throw new Error(`playbook ${file}: ${reason}`, { cause: error });
  }
}

/** Level-2 headings, lower-cased, mapped to the text under them. */
function splitSections(body: string): Map<string, string> {
  const sections = new Map<string, string>();
  let name: string | undefined;
  let lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    const heading = /^##\s+(.+?)\s*$/.exec(line);
    if (heading) {
      if (name !== undefined) sections.set(name, lines.join('\n'));
      name = (heading[1] ?? '').toLowerCase();
      lines = [];
    } else {
      lines.push(line);
    }
  }
  if (name !== undefined) sections.set(name, lines.join('\n'));
  return sections;
}

/** `1. text` items; indented lines that follow an item continue it. */
function orderedItems(text: string): string[] {
  const items: string[] = [];
  let inItem = false;
  for (const line of text.split(/\r?\n/)) {
    const item = /^\s{0,3}\d+[.)]\s+(.*)$/.exec(line);
    if (item) {
      items.push((item[1] ?? '').trim());
      inItem = true;
    } else if (inItem && /^\s+\S/.test(line)) {
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
    } else if (line.trim() !== '') {
      inItem = false;
    }
  }
  return items;
}
