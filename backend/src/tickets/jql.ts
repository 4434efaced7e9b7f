/**
 * The JQL the bot sends, built from values rather than pasted into strings: every value is a
 * quoted JQL string, so a label, category or project key can never change the query's shape.
 * Only what the bot's searches need; the local desk's parser (desk/jql.ts) accepts all of it.
 */

/** A JQL string literal: double quotes, with backslash and quote escaped as Jira reads them. */
export function jqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (ch) => `\\${ch}`)}"`;
}

export interface TicketSearch {
  projectKey: string;
  /** Every one must be on the ticket. */
  labels?: readonly string[];
  /** Leave out tickets whose status category is Done. */
  isOpenOnly?: boolean;
  /** By creation date; `newest` first or `oldest` first. */
  order: 'newest' | 'oldest';
}

export function ticketSearchJql(search: TicketSearch): string {
  const clauses = [
    `project = ${jqlString(search.projectKey)}`,
    ...(search.labels ?? []).map((label) => `labels = ${jqlString(label)}`),
    ...(search.isOpenOnly ? [`statusCategory != ${jqlString('Done')}`] : []),
  ];
  return `${clauses.join(' AND ')} ORDER BY created ${search.order === 'newest' ? 'DESC' : 'ASC'}`;
}
