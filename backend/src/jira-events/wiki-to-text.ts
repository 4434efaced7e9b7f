/**
 * Jira wiki markup (what Cloud webhooks carry in `comment.body`, and what Data Center stores) to
 * plain text an employee can read: markup characters go, the words, links and code stay. Code and
 * noformat blocks are kept verbatim.
 */

const BLOCK = /\{(code|noformat)(?::[^}]*)?\}([\s\S]*?)\{\1\}/g;

export function wikiToText(markup: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of markup.matchAll(BLOCK)) {
    parts.push(convertProse(markup.slice(last, match.index)));
    parts.push(`\n${(match[2] ?? '').replace(/^\n+|\n+$/g, '')}\n`);
    last = match.index + match[0].length;
  }
  parts.push(convertProse(markup.slice(last)));
  return tidy(parts.join(''));
}

function convertProse(text: string): string {
  const counters: number[] = [];
  let inQuote = false;
  const lines: string[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = raw;
    // {quote} may open and close on the same line as its text.
    const isQuoted = inQuote || line.includes('{quote}');
    if (/\{quote\}/.test(line)) {
      const pieces = line.split('{quote}');
      line = pieces
        .map((piece, i) => {
          if (i > 0) inQuote = !inQuote;
          return piece;
        })
        .join('');
    }
    lines.push((isQuoted && line.trim() ? '> ' : '') + convertLine(line, counters));
  }
  return lines.join('\n');
}

function convertLine(line: string, counters: number[]): string {
  const heading = /^\s*h[1-6]\.\s+(.*)$/.exec(line);
  if (heading) return inline(heading[1] ?? '');
  const blockQuote = /^\s*bq\.\s+(.*)$/.exec(line);
  if (blockQuote) return `> ${inline(blockQuote[1] ?? '')}`;
  if (/^\s*-{4,}\s*$/.test(line)) return '';
  const list = /^\s*([*#-]+)\s+(.*)$/.exec(line);
  if (list?.[1] && list[2] !== undefined) {
    const marks = list[1];
    const depth = marks.length;
    counters.length = depth;
    const indent = '  '.repeat(depth - 1);
    if (marks.endsWith('#')) {
      counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
      return `${indent}${counters[depth - 1]}. ${inline(list[2])}`;
    }
    return `${indent}• ${inline(list[2])}`;
  }
  counters.length = 0;
  const table = /^\s*\|\|?(.*?)\|\|?\s*$/.exec(line);
  if (table?.[1] !== undefined)
    return inline(
      table[1]
        .split(/\|\|?/)
        .map((c) => c.trim())
        .join(' | '),
    );
  return inline(line);
}

/** Boundaries as Jira applies them: a marker pair around non-space text, not inside a word. */
const around = (mark: string): RegExp => {
  const m = mark.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[\\s(\\[>])${m}(\\S(?:[^${m}]*?\\S)?)${m}(?=$|[\\s).,!?:;\\]<'"])`, 'g');
};
const EMPHASIS = ['*', '_', '-', '+', '^', '~'].map(around);

function inline(text: string): string {
  let out = text
    .replace(/\{color(?::[^}]*)?\}/g, '')
    .replace(/\{(panel|quote|anchor|noformat|code)(?::[^}]*)?\}/g, '')
    .replace(/\{\{(.+?)\}\}/g, '$1')
    .replace(/\?\?(.+?)\?\?/g, '$1')
    .replace(/\[~accountid:[^\]]+\]/gi, '@user')
    .replace(/\[~([^\]]+)\]/g, '@$1')
    .replace(/\[([^|\]]+)\|([^\]]+)\]/g, (_m, label: string, target: string) => linkText(label, target))
    .replace(/\[((?:https?:\/\/|mailto:)[^\]]+)\]/g, '$1')
    .replace(/!([^!\s|]+)(?:\|[^!]*)?!/g, (_m, file: string) => `[image: ${file}]`)
    .replace(/\\\\/g, '\n');
  for (const pattern of EMPHASIS) out = out.replace(pattern, '$1$2');
  return out.replace(/\\([*_\-+^~{}[\]|!?#\\])/g, '$1');
}

function linkText(label: string, target: string): string {
  const text = label.trim();
  const url = target.trim();
  if (text === url || url.startsWith('~')) return text;
  return /^(https?:|mailto:)/.test(url) ? `${text} (${url.replace(/^mailto:/, '')})` : text;
}

function tidy(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
