import { describe, expect, it } from 'vitest';
import { parseJiraEvent } from '../../src/jira-events/jira-payloads.js';
import { loadFixture } from './fixtures.js';

describe('reading Jira webhook payloads', () => {
  it('reads a Cloud comment with its author, comment id and Jira time', () => {
    const event = parseJiraEvent(loadFixture('comment-created-wiki'));
    expect(event).toMatchObject({
      kind: 'comment',
      issueKey: 'IT-1',
      commentId: '10107',
      author: { displayName: 'Dana Lee', ids: ['712020:5f1c0e6a-2b1d-4c2e-9a57-3c1e0d9b8f21'] },
      isRestricted: false,
      at: 1779350400000,
    });
  });

  it('marks role-restricted comments and JSM internal notes as restricted', () => {
    expect(parseJiraEvent(loadFixture('comment-created-datacenter'))).toMatchObject({
      isRestricted: true,
      author: { displayName: 'Ken Tanaka', ids: ['ktanaka', 'JIRAUSER10400', 'k.tanaka@example.com'] },
    });
    const internal = loadFixture('comment-created-wiki', (p) => {
      p['comment']['jsdPublic'] = false;
    });
    expect(parseJiraEvent(internal)).toMatchObject({ isRestricted: true });
    const property = loadFixture('comment-created-adf', (p) => {
      p['comment']['properties'] = [{ key: 'sd.public.comment', value: { internal: true } }];
    });
    expect(parseJiraEvent(property)).toMatchObject({ isRestricted: true });
  });

  it('reads a status transition from the changelog, not from other changed fields', () => {
    expect(parseJiraEvent(loadFixture('issue-updated-status'))).toEqual({
      kind: 'status',
      issueKey: 'IT-1',
      status: 'Done',
      actor: { displayName: 'Dana Lee', ids: ['712020:5f1c0e6a-2b1d-4c2e-9a57-3c1e0d9b8f21'] },
      at: 1779354000000,
    });
  });

  it('ignores issue updates without a status change and events it does not handle', () => {
    const assigneeOnly = loadFixture('issue-updated-status', (p) => {
      p['changelog']['items'] = [{ field: 'assignee', fieldId: 'assignee', toString: 'Dana Lee' }];
    });
    expect(parseJiraEvent(assigneeOnly)).toBeUndefined();
    expect(parseJiraEvent({ webhookEvent: 'jira:issue_deleted', issue: { key: 'IT-1' } })).toBeUndefined();
    expect(parseJiraEvent('not an object')).toBeUndefined();
  });
});
