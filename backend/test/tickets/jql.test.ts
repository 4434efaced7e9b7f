import { describe, expect, it } from 'vitest';
import { parseJql } from '../../src/desk/jql.js';
import { jqlString, ticketSearchJql } from '../../src/tickets/jql.js';

describe('JQL builder', () => {
  it('quotes a value, escaping backslashes and double quotes', () => {
    expect(jqlString('it-support-bot')).toBe('"it-support-bot"');
    expect(jqlString('say "hi"')).toBe('"say \\"hi\\""');
    expect(jqlString('C:\\temp')).toBe('"C:\\\\temp"');
  });

  it('builds the open-ticket search: project, every label, not done, newest first', () => {
    expect(
      ticketSearchJql({ projectKey: 'IT', labels: ['it-support-bot', 'vpn'], isOpenOnly: true, order: 'newest' }),
    ).toBe(
      'project = "IT" AND labels = "it-support-bot" AND labels = "vpn" AND statusCategory != "Done" ORDER BY created DESC',
    );
  });

  it('builds the project-only probe and the oldest-first label look-up', () => {
    expect(ticketSearchJql({ projectKey: 'IT', order: 'newest' })).toBe('project = "IT" ORDER BY created DESC');
    expect(ticketSearchJql({ projectKey: 'IT', labels: ['hd-esc-1'], order: 'oldest' })).toBe(
      'project = "IT" AND labels = "hd-esc-1" ORDER BY created ASC',
    );
  });

  it('keeps a hostile value one value: it cannot add a clause or end the query', () => {
    const hostile = 'x" OR project != "IT';
    const jql = ticketSearchJql({ projectKey: 'IT', labels: [hostile], order: 'newest' });
    // The local desk's parser, which rejects OR, reads exactly two clauses back.
    expect(parseJql(jql)).toEqual({
      clauses: [
        { field: 'project', negate: false, values: ['IT'] },
        { field: 'labels', negate: false, values: [hostile] },
      ],
      orderBy: { field: 'created', direction: 'DESC' },
    });
  });
});
