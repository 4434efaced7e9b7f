/**
 * Atlassian Document Format (Cloud's REST v3 and some webhook deliveries) to plain text. Unknown
 * node types still give their text children, so a new node type degrades instead of vanishing.
 */

interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: Array<{ type?: unknown; attrs?: Record<string, unknown> }>;
  content?: unknown;
}

const asNode = (value: unknown): AdfNode | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as AdfNode) : undefined;

const childrenOf = (node: AdfNode): AdfNode[] =>
  Array.isArray(node.content) ? node.content.map(asNode).filter((n): n is AdfNode => n !== undefined) : [];

const attr = (node: AdfNode, name: string): string | undefined => {
  const value = node.attrs?.[name];
  return typeof value === 'string' && value.trim() ? value : undefined;
};

export function isAdfDocument(value: unknown): boolean {
  const node = asNode(value);
  return node?.type === 'doc' && Array.isArray(node.content);
}

export function adfToText(doc: unknown): string {
  const node = asNode(doc);
  if (!node) return '';
  return blocks(childrenOf(node), '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function blocks(nodes: AdfNode[], indent: string): string {
  return nodes
    .map((n) => block(n, indent))
    .filter((b) => b !== '')
    .join('\n\n');
}

function block(node: AdfNode, indent: string): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return indent + inlines(childrenOf(node)).replace(/\n/g, `\n${indent}`);
    case 'bulletList':
    case 'orderedList': {
      const start = typeof node.attrs?.['order'] === 'number' ? node.attrs['order'] : 1;
      return childrenOf(node)
        .map((item, i) => {
          const marker = node.type === 'orderedList' ? `${start + i}. ` : '• ';
          const body = childrenOf(item)
            .map((child) => block(child, `${indent}  `).trimStart())
            .join('\n');
          return `${indent}${marker}${body}`;
        })
        .join('\n');
    }
    case 'codeBlock':
      return childrenOf(node)
        .map((n) => (typeof n.text === 'string' ? n.text : ''))
        .join('');
    case 'blockquote':
      return blocks(childrenOf(node), indent)
        .split('\n')
        .map((l) => `> ${l}`)
        .join('\n');
    case 'rule':
      return '';
    case 'mediaSingle':
    case 'mediaGroup':
      return `${indent}[attachment]`;
    case 'table':
      return childrenOf(node)
        .map((row) =>
          childrenOf(row)
            .map((cell) => blocks(childrenOf(cell), '').replace(/\n+/g, ' '))
            .join(' | '),
        )
        .join('\n');
    default:
      return Array.isArray(node.content) ? blocks(childrenOf(node), indent) || inlines(childrenOf(node)) : inline(node);
  }
}

function inlines(nodes: AdfNode[]): string {
  return nodes.map(inline).join('');
}

function inline(node: AdfNode): string {
  switch (node.type) {
    case 'text': {
      const text = typeof node.text === 'string' ? node.text : '';
      const link = node.marks?.find((m) => m.type === 'link')?.attrs?.['href'];
      return typeof link === 'string' && link !== text ? `${text} (${link})` : text;
    }
    case 'hardBreak':
      return '\n';
    case 'mention': {
      const name = attr(node, 'text') ?? 'user';
      return name.startsWith('@') ? name : `@${name}`;
    }
    case 'emoji':
      return attr(node, 'text') ?? attr(node, 'shortName') ?? '';
    case 'inlineCard':
    case 'blockCard':
      return attr(node, 'url') ?? '';
    case 'status':
    case 'date':
      return attr(node, 'text') ?? attr(node, 'timestamp') ?? '';
    default:
      return inlines(childrenOf(node));
  }
}
