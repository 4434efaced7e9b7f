import { describe, expect, it } from 'vitest';
import { jiraIssue, selectsJiraField } from '../../../src/desk/presenters/jira-rest.js';
import { withCommentedIssue } from './issue-fixture.js';

describe('Jira REST presenter', () => {
  it('shapes an issue as Jira JSON with its comment page, links off the desk base', () =>
    withCommentedIssue(({ base, issue, comments }) => {
      const jira = jiraIssue(issue, base, { comments });
      expect(jira).toMatchObject({
        id: issue.id,
        key: issue.key,
        self: `http://desk.test/desk/rest/api/2/issue/${issue.id}`,
      });
      expect((jira.fields as Record<string, unknown>).comment).toMatchObject({
        total: 1,
        comments: [{ body: 'Swapped the cable' }],
      });
    }));

  it('asks for comments only when the field selection includes them', () => {
    expect(selectsJiraField(undefined, 'comment')).toBe(true);
    expect(selectsJiraField(['*all'], 'comment')).toBe(true);
    expect(selectsJiraField(['summary', 'comment'], 'comment')).toBe(true);
    expect(selectsJiraField(['summary', 'status'], 'comment')).toBe(false);
  });
});
