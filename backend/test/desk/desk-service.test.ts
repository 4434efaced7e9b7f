import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDeskService, type DeskService } from '../../src/desk/desk-service.js';
import { AppError } from '../../src/shared/errors.js';
import { createDeskRepository } from '../../src/store/desk-repository.js';
import { openDatabase, type SqliteDatabase } from '../../src/store/sqlite.js';
import { countingRepository } from './counting-repository.js';

let dir: string;
let db: SqliteDatabase;
let desk: DeskService;
let clock: number;

function open(): DeskService {
  db = openDatabase(path.join(dir, 'desk.sqlite'));
  return createDeskService({
    repo: createDeskRepository(db),
    baseUrl: () => 'http://desk.test/desk/',
    now: () => new Date((clock += 60_000)),
    projects: [
      { key: 'IT', name: 'IT Support' },
      { key: 'HR', name: 'People' },
    ],
  });
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-service-'));
  clock = Date.parse('2026-03-01T09:00:00Z');
  desk = open();
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('desk service', () => {
  it('numbers issues per project and keeps counting after a reopen', async () => {
    expect((await desk.createIssue({ projectKey: 'IT', summary: 'a', issueType: 'Task' })).key).toBe('IT-1');
    expect((await desk.createIssue({ projectKey: 'HR', summary: 'b', issueType: 'task' })).key).toBe('HR-1');
    expect((await desk.createIssue({ projectKey: 'it', summary: 'c', issueType: 'BUG' })).key).toBe('IT-2');
    db.close();
    desk = open();
    const next = await desk.createIssue({ projectKey: 'IT', summary: 'd', issueType: 'Service Request' });
    expect(next.key).toBe('IT-3');
    expect(next.issueType).toBe('Service Request');
    expect((await desk.getIssue('it-2')).summary).toBe('c');
  });

  it('rejects unknown projects, issue types, priorities and labels with spaces, naming the field', async () => {
    expect((await errorOf(desk.createIssue({ projectKey: 'OPS', summary: 'x', issueType: 'Task' }))).code).toBe(
      'bad_request:project',
    );
    expect((await errorOf(desk.createIssue({ projectKey: 'IT', summary: 'x', issueType: 'Epic' }))).code).toBe(
      'bad_request:issuetype',
    );
    expect((await errorOf(desk.createIssue({ projectKey: 'IT', summary: ' ', issueType: 'Task' }))).code).toBe(
      'bad_request:summary',
    );
    expect(
      (await errorOf(desk.createIssue({ projectKey: 'IT', summary: 'x', issueType: 'Task', priority: 'Urgent' }))).code,
    ).toBe('bad_request:priority');
    expect(
      (await errorOf(desk.createIssue({ projectKey: 'IT', summary: 'x', issueType: 'Task', labels: ['two words'] })))
        .code,
    ).toBe('bad_request:labels');
    expect((await errorOf(desk.getIssue('IT-77'))).code).toBe('not_found:issue');
    expect((await desk.search('')).total).toBe(0);
  });

  it('searches with the supported JQL subset', async () => {
    const vpn = await desk.createIssue({
      projectKey: 'IT',
      summary: 'vpn',
      issueType: 'Task',
      labels: ['it-support-bot', 'vpn'],
    });
    const mail = await desk.createIssue({
      projectKey: 'IT',
      summary: 'mail',
      issueType: 'Task',
      labels: ['it-support-bot', 'email'],
      reporter: { name: 'ana', displayName: 'Ana Silva', emailAddress: 'ana@example.com' },
    });
    const hr = await desk.createIssue({ projectKey: 'HR', summary: 'hr', issueType: 'Task' });
    await desk.transition(mail.key, 'Done');

    const keys = async (jql: string) => (await desk.search(jql)).issues.map((i) => i.key);
    expect(await keys('project = IT ORDER BY created ASC')).toEqual([vpn.key, mail.key]);
    expect(await keys('project = IT ORDER BY created DESC')).toEqual([mail.key, vpn.key]);
    expect(await keys('labels = "vpn"')).toEqual([vpn.key]);
    expect(await keys("labels in ('email', 'nothing') AND project = IT")).toEqual([mail.key]);
    expect(await keys('project = IT AND statusCategory != Done')).toEqual([vpn.key]);
    expect(await keys('status = "Done"')).toEqual([mail.key]);
    expect(await keys('status != "Done" AND project in (IT, HR) ORDER BY key ASC')).toEqual([vpn.key, hr.key]);
    expect(await keys('reporter = "ana@example.com"')).toEqual([mail.key]);
    expect(await keys('reporter = ana')).toEqual([mail.key]);
    expect(await keys(`key = ${hr.key}`)).toEqual([hr.key]);
    expect(await keys('(project = IT AND labels = vpn) AND (project = "IT") ORDER BY created DESC')).toEqual([vpn.key]);
    expect((await desk.search('project = IT', { projects: ['HR'] })).total).toBe(0);

    const page = await desk.search('project = IT ORDER BY created ASC', { startAt: 1, maxResults: 1 });
    expect(page).toMatchObject({ total: 2, startAt: 1, maxResults: 1 });
    expect(page.issues.map((i) => i.key)).toEqual([mail.key]);
  });

  it('finds issues by several labels through the label index, case-insensitively, with labels not in it', async () => {
    const mine = await desk.createIssue({
      projectKey: 'IT',
      summary: 'mine',
      issueType: 'Task',
      labels: ['it-support-bot', 'category-vpn', 'hd-reporter-Ab12'],
    });
    await desk.createIssue({
      projectKey: 'IT',
      summary: 'theirs',
      issueType: 'Task',
      labels: ['it-support-bot', 'category-vpn', 'hd-reporter-cd34'],
    });
    const keys = async (jql: string) => (await desk.search(jql)).issues.map((i) => i.key);
    const jql = 'labels = "it-support-bot" AND labels = "CATEGORY-VPN" AND labels = "hd-reporter-ab12"';
    expect(await keys(jql)).toEqual([mine.key]);
    expect(await keys('labels = "it-support-bot" AND labels not in ("hd-reporter-cd34")')).toEqual([mine.key]);
    expect(await keys('labels not in ("it-support-bot")')).toEqual([]);
  });

  it('indexes the labels of issues stored before the label index existed', async () => {
    const old = await desk.createIssue({ projectKey: 'IT', summary: 'old', issueType: 'Task', labels: ['legacy'] });
    db.exec('DELETE FROM desk_issue_labels');
    db.close();
    desk = open();
    expect((await desk.search('labels = legacy')).issues.map((i) => i.key)).toEqual([old.key]);
  });

  it('rejects JQL it does not understand instead of matching everything', async () => {
    for (const jql of [
      'project = IT OR project = HR',
      'assignee = currentUser()',
      'summary ~ "vpn"',
      'project = ',
      'project = NOPE',
      'status = Open',
      'labels in (a',
    ]) {
      const error = await errorOf(desk.search(jql));
      expect(error.code).toBe('bad_request:jql');
      expect(error.isUserFacing).toBe(true);
    }
  });

  it('moves issues between the three statuses and refuses a move to the current status', async () => {
    const issue = await desk.createIssue({ projectKey: 'IT', summary: 's', issueType: 'Task' });
    expect(desk.transitions(issue).map((t) => t.name)).toEqual(['In Progress', 'Done']);
    const started = await desk.transition(issue.key, '21');
    expect(started.status).toBe('In Progress');
    expect(started.updated > issue.updated).toBe(true);
    expect((await errorOf(desk.transition(issue.key, 'in progress'))).code).toBe('bad_request:transition');
    expect((await desk.transition(issue.key, 'done')).status).toBe('Done');
  });

  it('reads a page of issues in one repository call and their comments in one more', async () => {
    const counting = countingRepository(createDeskRepository(db));
    const counted = createDeskService({ repo: counting.repo, baseUrl: () => 'http://desk.test/desk' });
    for (let n = 1; n <= 6; n++) {
      const issue = await counted.createIssue({ projectKey: 'IT', summary: `issue ${n}`, issueType: 'Task' });
      await counted.addComment(issue.key, `first on ${n}`);
      await counted.addComment(issue.key, `second on ${n}`);
    }

    counting.reset();
    const page = await counted.listIssues({ maxResults: 200 });
    expect(page.issues).toHaveLength(6);
    expect(counting.calls).toEqual({ queryIssues: 1 });

    const comments = await counted.commentsByIssue(page.issues);
    expect(counting.calls).toEqual({ queryIssues: 1, listComments: 1 });
    for (const issue of page.issues) {
      const n = issue.summary.split(' ')[1];
      expect(comments.get(issue.id)?.map((c) => c.body)).toEqual([`first on ${n}`, `second on ${n}`]);
    }

    counting.reset();
    await counted.search('labels = vpn ORDER BY created DESC');
    expect(counting.total()).toBe(1);
  });
});
