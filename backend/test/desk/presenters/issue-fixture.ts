/**
 * One issue with one comment, made by a real desk on a temporary SQLite file with a clock that
 * ticks a minute per call, so the presenters are tested on exactly what the desk hands them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDeskService } from '../../../src/desk/desk-service.js';
import type { DeskComment, DeskIssue } from '../../../src/desk/desk-types.js';
import { createDeskRepository } from '../../../src/store/desk-repository.js';
import { openDatabase } from '../../../src/store/sqlite.js';

export interface IssueFixture {
  base: string;
  issue: DeskIssue;
  comments: DeskComment[];
}

export async function withCommentedIssue(test: (fixture: IssueFixture) => Promise<void> | void): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-presenters-'));
  const db = openDatabase(path.join(dir, 'desk.sqlite'));
  let clock = Date.parse('2026-03-01T09:00:00Z');
  try {
    const desk = createDeskService({
      repo: createDeskRepository(db),
      baseUrl: () => 'http://desk.test/desk/',
      now: () => new Date((clock += 60_000)),
    });
    const created = await desk.createIssue({
      projectKey: 'IT',
      summary: 'Display flickers',
      issueType: 'Bug',
      description: 'Since Monday',
      labels: ['display'],
      components: ['Hardware'],
    });
    await desk.addComment(created.key, 'Swapped the cable');
    const issue = await desk.getIssue(created.key);
    await test({ base: desk.baseUrl(), issue, comments: await desk.listComments(issue) });
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
