/**
 * Assistant text → safe HTML. Everything the server sent is escaped first; only a tiny formatting
 * subset is then recognised (paragraphs, line breaks, **bold**, *italic*, `code`, numbered and
 * bulleted lists, http(s) links). Pure and DOM-free so it can be tested in node; the output is the
 * only HTML string the widget ever assigns to innerHTML.
 */
import { isHttpUrl } from './dom.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

type Block =
  | { kind: 'p'; lines: string[] }
  | { kind: 'h'; text: string }
  | { kind: 'ul' | 'ol'; start: number; items: string[][] };

const ORDERED_ITEM = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const BULLET_ITEM = /^\s{0,3}[-*•+]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
// NUL is the placeholder delimiter below; other control characters have no business in chat text.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function renderAssistantText(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').replace(CONTROL_CHARS, '').split('\n');
  return parseBlocks(lines).map(renderBlock).join('');
}

function parseBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const close = (): void => {
    if (current) blocks.push(current);
    current = undefined;
  };
  for (const line of lines) {
    if (line.trim() === '') {
      close();
      continue;
    }
    const ordered = ORDERED_ITEM.exec(line);
    const bullet = ordered ? null : BULLET_ITEM.exec(line);
    const heading = ordered || bullet ? null : HEADING.exec(line);
    if (ordered) {
      if (current?.kind !== 'ol') {
        close();
        current = { kind: 'ol', start: Number(ordered[1]), items: [] };
      }
      current.items.push([ordered[2] ?? '']);
    } else if (bullet) {
      if (current?.kind !== 'ul') {
        close();
        current = { kind: 'ul', start: 1, items: [] };
      }
      current.items.push([bullet[1] ?? '']);
    } else if (heading) {
      close();
      blocks.push({ kind: 'h', text: heading[1] ?? '' });
    } else if ((current?.kind === 'ol' || current?.kind === 'ul') && /^\s/.test(line)) {
      // An indented line under a list item continues that item.
      current.items[current.items.length - 1]?.push(line.trim());
    } else if (current?.kind === 'p') {
      current.lines.push(line);
    } else {
      close();
      current = { kind: 'p', lines: [line] };
    }
  }
  close();
  return blocks;
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'p':
      return `<p>${block.lines.map((l) => renderInline(l.trim())).join('<br>')}</p>`;
    case 'h':
      return `<p><strong>${renderInline(block.text)}</strong></p>`;
    case 'ul':
    case 'ol': {
      const start = block.kind === 'ol' && block.start !== 1 ? ` start="${block.start}"` : '';
      const items = block.items.map((item) => `<li>${item.map(renderInline).join('<br>')}</li>`).join('');
      return `<${block.kind}${start}>${items}</${block.kind}>`;
    }
  }
}

const CODE_SPAN = /`([^`\n]+)`/g;
const MARKDOWN_LINK = /\[([^\]\n]{1,300})\]\((https?:\/\/[^\s()<>"'`]+)\)/gi;
const BARE_URL = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const BOLD = /\*\*(?=\S)([^*]*?\S)\*\*/g;
const ITALIC = /(^|[^*\w])\*(?=\S)([^*]*?\S)\*(?![*\w])/g;

/**
 * Code spans and links are cut out into numbered slots before escaping, so that neither the
 * bold/italic rules nor escaping can touch a URL; the slots are put back at the end.
 */
function renderInline(raw: string): string {
  const slots: string[] = [];
  const keep = (html: string): string => `\u0000${slots.push(html) - 1}\u0000`;
  let text = raw.replace(CODE_SPAN, (_m, code: string) => keep(`<code>${escapeHtml(code)}</code>`));
  text = text.replace(MARKDOWN_LINK, (_m, label: string, url: string) => keep(renderLink(url, label)));
  text = text.replace(BARE_URL, (match) => {
    const url = trimUrl(match);
    return keep(renderLink(url, url)) + match.slice(url.length);
  });
  return (
    escapeHtml(text)
      .replace(BOLD, '<strong>$1</strong>')
      .replace(ITALIC, '$1<em>$2</em>')
      // eslint-disable-next-line no-control-regex -- NUL-delimited slots hold HTML that is already safe
      .replace(/\u0000(\d+)\u0000/g, (_m, index: string) => slots[Number(index)] ?? '')
  );
}

/** Sentence punctuation and unbalanced closing brackets after a URL belong to the sentence. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(/[.,;:!?*]+$/, '');
    for (const [open, closing] of [
      ['(', ')'],
      ['[', ']'],
    ] as const) {
      if (url.endsWith(closing) && count(url, open) < count(url, closing)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function renderLink(url: string, label: string): string {
  if (!isHttpUrl(url)) return escapeHtml(label);
  return `<a href="${escapeHtml(url)}" target="_blank" rel="noopener noreferrer">${escapeHtml(label)}</a>`;
}
