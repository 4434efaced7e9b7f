import { describe, expect, it } from 'vitest';
import { addedComment, simplifiedIssue } from '../../../src/desk/presenters/mcp-atlassian.js';
import { withCommentedIssue } from './issue-fixture.js';

describe('mcp-atlassian presenter', () => {
  it('shapes a created issue with every field in the Python field order and no browse link', () =>
    withCommentedIssue(({ base, issue, comments }) => {
      const created = simplifiedIssue(issue, { requested: undefined, base, comments });
      expect(Object.keys(created)).toEqual([
        'id',
        'key',
        'summary',
        'url',
        'description',
        'status',
        'issue_type',
        'priority',
        'project',
        'assignee',
        'reporter',
        'labels',
        'components',
        'created',
        'updated',
        'comments',
      ]);
      expect(created).toMatchObject({
        url: `http://desk.test/desk/rest/api/2/issue/${issue.id}`,
        status: { name: 'To Do', category: 'To Do', color: 'blue-gray' },
        assignee: { display_name: 'Unassigned' },
        created: '2026-03-01 09:01:00 UTC',
      });
      expect(created).not.toHaveProperty('browse_url');
    }));

  it('shapes a read issue with only the fields asked for plus the browse link', () =>
    withCommentedIssue(({ base, issue }) => {
      expect(simplifiedIssue(issue, { requested: ['summary', 'status'], base, browse: true })).toEqual({
        id: issue.id,
        key: issue.key,
        summary: 'Display flickers',
        browse_url: `http://desk.test/desk/browse/${issue.key}`,
        status: { name: 'To Do', category: 'To Do', color: 'blue-gray' },
      });
    }));

  it("shapes an added comment as jira_add_comment's result", () =>
    withCommentedIssue(({ comments }) => {
      expect(addedComment(comments[0]!)).toEqual({
        id: comments[0]!.id,
        body: 'Swapped the cable',
        created: '2026-03-01 09:02:00+00:00',
        author: 'IT Support Bot',
      });
    }));
});
