/**
 * A deliberately small front-matter reader for playbooks: `key: value`, quoted strings, inline
 * lists `[a, b]` and block lists (`- item` lines). Anything richer is an authoring error, reported
 * with the line number rather than guessed at.
 */
export type FrontMatterValue = string | string[];

export interface FrontMatterDocument {
  data: Record<string, FrontMatterValue>;
  body: string;
}

export function parseFrontMatter(text: string): FrontMatterDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { data: {}, body: lines.join('\n') };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) throw new Error('front matter is not closed with ---');

  const data: Record<string, FrontMatterValue> = {};
  let listKey: string | undefined;
  for (let i = 1; i < end; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const item = /^\s+-\s*(.*)$/.exec(line);
    if (item) {
      const list = listKey === undefined ? undefined : data[listKey];
      if (!Array.isArray(list)) throw new Error(`line ${i + 1}: list item without a list key`);
      list.push(unquote(item[1] ?? ''));
      continue;
    }
    const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) throw new Error(`line ${i + 1}: expected "key: value"`);
    const key = pair[1] ?? '';
    const raw = (pair[2] ?? '').trim();
    if (raw === '') {
      data[key] = [];
      listKey = key;
    } else {
      data[key] = raw.startsWith('[') ? parseInlineList(raw, i + 1) : unquote(raw);
      listKey = undefined;
    }
  }
  return { data, body: lines.slice(end + 1).join('\n') };
}

function parseInlineList(raw: string, lineNo: number): string[] {
  if (!raw.endsWith(']')) throw new Error(`line ${lineNo}: inline list is not closed with ]`);
  const inner = raw.slice(1, -1);
  const items: string[] = [];
  // Split on commas outside quotes so a keyword may itself contain a comma when quoted.
  let current = '';
  let quote: string | undefined;
  for (const ch of inner) {
    if (quote) {
      if (ch === quote) quote = undefined;
      current += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === ',') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map(unquote).filter((item) => item !== '');
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && (v[0] === '"' || v[0] === "'") && v[v.length - 1] === v[0]) return v.slice(1, -1);
  return v;
}
