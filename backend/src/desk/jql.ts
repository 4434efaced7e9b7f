/**
 * The JQL subset the local desk understands: `field = v`, `field != v`, `field in (…)`,
 * `field not in (…)` joined by AND (parentheses allowed, as mcp-atlassian wraps queries in them),
 * and `ORDER BY created|updated|key [ASC|DESC]`. Anything else is rejected with a message that
 * says what was not understood, never silently ignored: a search that quietly matched everything
 * would make "look the ticket up before creating again" return the wrong ticket.
 */
import { AppError } from '../shared/errors.js';

export type JqlField =
  'project' | 'key' | 'labels' | 'status' | 'statusCategory' | 'reporter' | 'issuetype' | 'priority';

export interface JqlClause {
  field: JqlField;
  negate: boolean;
  values: string[];
}

export interface JqlQuery {
  clauses: JqlClause[];
  orderBy?: { field: 'created' | 'updated' | 'key'; direction: 'ASC' | 'DESC' };
}

const fieldAliases: Record<string, JqlField> = {
  project: 'project',
  key: 'key',
  issuekey: 'key',
  id: 'key',
  labels: 'labels',
  label: 'labels',
  status: 'status',
  statuscategory: 'statusCategory',
  reporter: 'reporter',
  issuetype: 'issuetype',
  type: 'issuetype',
  priority: 'priority',
};

const orderFields = {
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  key: 'key',
} as const;

type Token = { kind: 'word' | 'string' | 'op'; text: string };

/**
 * What one query may hold. The searches mcp-atlassian and the chat send are a few clauses; these
 * bounds keep a hostile query from exhausting the stack or SQLite's variable limit.
 */
export const JQL_LIMITS = { length: 10_000, depth: 20, clauses: 100, values: 200 } as const;

export function parseJql(jql: string): JqlQuery {
  if (jql.length > JQL_LIMITS.length) throw fail(`the query is longer than ${JQL_LIMITS.length} characters`);
  const tokens = tokenize(jql);
  let pos = 0;
  let depth = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (t: Token | undefined, word: string): boolean =>
    t !== undefined && t.kind === 'word' && t.text.toLowerCase() === word;
  const isOp = (t: Token | undefined, op: string): boolean => t !== undefined && t.kind === 'op' && t.text === op;
  const take = (): Token => {
    const t = tokens[pos++];
    if (!t) throw fail('the query ends too early');
    return t;
  };

  const value = (): string => {
    const t = take();
    if (t.kind === 'op') throw fail(`expected a value but found "${t.text}"`);
    if (t.kind === 'word' && /\(\)$/.test(t.text)) throw fail(`functions such as ${t.text} are not supported`);
    return t.text;
  };

  const clause = (): JqlClause[] => {
    if (isOp(peek(), '(')) {
      take();
      if (++depth > JQL_LIMITS.depth) throw fail(`parentheses are nested deeper than ${JQL_LIMITS.depth}`);
      const inner = expression();
      if (!isOp(take(), ')')) throw fail('a parenthesis is not closed');
      depth--;
      return inner;
    }
    const fieldToken = take();
    const field = fieldToken.kind !== 'op' ? fieldAliases[fieldToken.text.toLowerCase()] : undefined;
    if (!field) throw fail(`the field "${fieldToken.text}" is not supported`);
    const op = take();
    if (isOp(op, '=') || isOp(op, '!=')) return [{ field, negate: op.text === '!=', values: [value()] }];
    let negate = false;
    if (isWord(op, 'not')) {
      negate = true;
      if (!isWord(take(), 'in')) throw fail('expected "in" after "not"');
    } else if (!isWord(op, 'in')) {
      throw fail(`the operator "${op.text}" is not supported`);
    }
    if (!isOp(take(), '(')) throw fail('expected "(" after "in"');
    const values: string[] = [];
    if (!isOp(peek(), ')')) {
      values.push(value());
      while (isOp(peek(), ',')) {
        take();
        values.push(value());
      }
    }
    if (!isOp(take(), ')')) throw fail('a value list is not closed');
    if (values.length > JQL_LIMITS.values) throw fail(`a value list holds more than ${JQL_LIMITS.values} values`);
    return [{ field, negate, values }];
  };

  const expression = (): JqlClause[] => {
    const clauses = [...clause()];
    for (;;) {
      const next = peek();
      if (isWord(next, 'and')) {
        take();
        clauses.push(...clause());
        if (clauses.length > JQL_LIMITS.clauses) throw fail(`the query has more than ${JQL_LIMITS.clauses} clauses`);
      } else if (isWord(next, 'or')) {
        throw fail('OR is not supported');
      } else {
        return clauses;
      }
    }
  };

  const query: JqlQuery = { clauses: [] };
  if (tokens.length > 0 && !isWord(peek(), 'order')) query.clauses = expression();
  if (isWord(peek(), 'order')) {
    take();
    if (!isWord(take(), 'by')) throw fail('expected "by" after "order"');
    const fieldToken = take();
    const field = orderFields[fieldToken.text.toLowerCase() as keyof typeof orderFields] as
      'created' | 'updated' | 'key' | undefined;
    if (!field) throw fail(`ordering by "${fieldToken.text}" is not supported`);
    let direction: 'ASC' | 'DESC' = 'ASC';
    if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) direction = take().text.toUpperCase() as 'ASC' | 'DESC';
    // Further sort keys only break ties, and the desk already breaks ties by creation order.
    while (isOp(peek(), ',')) {
      take();
      take();
      if (isWord(peek(), 'asc') || isWord(peek(), 'desc')) take();
    }
    query.orderBy = { field, direction };
  }
  const rest = peek();
  if (rest) throw fail(`unexpected "${rest.text}"`);
  return query;
}

function tokenize(jql: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < jql.length) {
    const ch = jql.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i++;
      while (i < jql.length && jql.charAt(i) !== ch) {
        if (jql.charAt(i) === '\\' && i + 1 < jql.length) i++;
        text += jql.charAt(i++);
      }
      if (i >= jql.length) throw fail('a quoted value is not closed');
      i++;
      tokens.push({ kind: 'string', text });
    } else if (ch === '!' && jql.charAt(i + 1) === '=') {
      tokens.push({ kind: 'op', text: '!=' });
      i += 2;
    } else if ('=(),'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch });
      i++;
    } else {
      const match = /^[^\s=!(),"']+(\(\))?/.exec(jql.slice(i));
      const text = match?.[0] ?? ch;
      tokens.push({ kind: 'word', text });
      i += text.length;
    }
  }
  return tokens;
}

function fail(detail: string): AppError {
  return new AppError('bad_request:jql', `Error in the JQL Query: ${detail}.`);
}
