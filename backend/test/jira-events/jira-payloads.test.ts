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
      eventKey: expect.stringMatching(/^status:.*:Done:/) as unknown,
    });
  });

  it.each([
    ['the property value as a JSON string', { key: 'sd.public.comment', value: '{"internal":true}' }],
    ['internal as the string "true"', { key: 'sd.public.comment', value: { internal: 'true' } }],
    ['both', { key: 'sd.public.comment', value: '{"internal":"true"}' }],
  ])('hides a JSM internal note with %s', (_shape, property) => {
    const note = loadFixture('comment-created-wiki', (p) => {
      p['comment']['properties'] = [property];
    });
    expect(parseJiraEvent(note)).toMatchObject({ isRestricted: true });
  });

  it('hides a comment whose jsdPublic is the string "false", and shows a public one', () => {
    const internal = loadFixture('comment-created-wiki', (p) => {
      p['comment']['jsdPublic'] = 'false';
    });
    expect(parseJiraEvent(internal)).toMatchObject({ isRestricted: true });
    const shown = loadFixture('comment-created-wiki', (p) => {
      p['comment']['properties'] = [{ key: 'sd.public.comment', value: '{"internal":false}' }];
      p['comment']['jsdPublic'] = true;
    });
    expect(parseJiraEvent(shown)).toMatchObject({ isRestricted: false });
  });

  it('names the event the same in every replay and differently after an edit', () => {
    const first = parseJiraEvent(loadFixture('comment-created-wiki'));
    const replay = parseJiraEvent(loadFixture('comment-created-wiki', (p) => void (p['timestamp'] = 1)));
    const edited = parseJiraEvent(
      loadFixture('comment-created-wiki', (p) => {
        p['comment']['body'] = 'Edited: please try again now';
        p['comment']['updated'] = '2026-05-21T10:00:00.000+0000';
      }),
    );
    expect(first?.eventKey).toBe(replay?.eventKey);
    expect(edited?.eventKey).not.toBe(first?.eventKey);
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
