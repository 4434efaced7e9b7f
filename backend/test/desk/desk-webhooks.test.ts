import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskService } from '../../src/desk/desk-service.js';
import { withDeskWebhooks } from '../../src/desk/desk-webhooks.js';
import type { JsonObject } from '../../src/desk/presenters/jira-rest.js';
import { createDeskRepository } from '../../src/store/desk-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';

let dir: string;
let db: SqliteDatabase;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-webhooks-'));
  db = openDatabase(path.join(dir, 'desk.sqlite'));
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('desk webhooks', () => {
  it('sends a status change with the Jira status ids and names and a comment as comment_created', async () => {
    const sent: JsonObject[] = [];
    const desk = withDeskWebhooks(
      createDeskService({ repo: createDeskRepository(db), baseUrl: () => 'http://desk.test/desk' }),
      { send: (payload) => void sent.push(payload), close: async () => undefined },
    );
    const issue = await desk.createIssue({ projectKey: 'IT', summary: 'Laptop fan', issueType: 'Task' });
    expect(sent).toEqual([]);

    await desk.transition(issue.key, 'In Progress');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      webhookEvent: 'jira:issue_updated',
      issue: { key: issue.key, fields: { status: { id: '3', name: 'In Progress' } } },
      changelog: {
        items: [{ field: 'status', from: '10000', fromString: 'To Do', to: '3', toString: 'In Progress' }],
      },
    });

    await desk.addComment(issue.key, 'On it.');
    expect(sent[1]).toMatchObject({
      webhookEvent: 'comment_created',
      comment: { body: 'On it.' },
      issue: { key: issue.key },
    });
  });
});
