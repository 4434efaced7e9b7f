/**
 * What every implementation of the outbox's and the local desk's stores promises
 * (tickets/ports.ts, desk/ports.ts): one test body, run against SQLite and Postgres.
 */
import { describe, expect, it } from 'vitest';
import type { NewIssueRecord } from '../../src/desk/ports.js';
import type { TicketDraft } from '../../src/tickets/ports.js';
import type { OpenStores } from './chat-store-contract.js';

const draft: TicketDraft = { summary: 'VPN drops', description: 'It drops.', category: 'vpn', labels: ['x'] };
const ticket = { key: 'IT-1', url: 'https://jira.example/browse/IT-1', summary: 'VPN drops', status: 'Open' };

const issue = (overrides: Partial<NewIssueRecord> = {}): NewIssueRecord => ({
  project: 'IT',
  summary: 'Printer jams',
  description: 'Paper jam on floor 3',
  issueType: 'Task',
  status: 'To Do',
  priority: 'Medium',
  labels: ['it-support-bot', 'printer'],
  components: [],
  reporterName: 'Aiko Tanaka',
  reporterEmail: 'aiko.tanaka@example.com',
  assignee: null,
  created: '2026-01-05T10:00:00.000Z',
  ...overrides,
});

export function outboxStoreContract(stores: OpenStores): void {
  describe('the escalation outbox', () => {
    it('stores an escalation once; a second enqueue keeps the row and its draft', async () => {
      const { escalations } = stores();
      const first = await escalations.enqueue({ escalationId: 'c1:1', conversationId: 'c1', draft, notBefore: 5 });
      expect(first).toEqual({
        escalationId: 'c1:1',
        conversationId: 'c1',
        status: 'pending',
        attempts: 0,
        ticket: undefined,
        draft,
        nextAttemptAt: 5,
        lastError: undefined,
        delivered: false,
      });
      const again = await escalations.enqueue({
        escalationId: 'c1:1',
        conversationId: 'c1',
        draft: { ...draft, summary: 'other' },
        notBefore: 9,
      });
      expect(again).toEqual(first);
      expect(await escalations.get('c1:1')).toEqual(first);
      expect(await escalations.get('nope')).toBeUndefined();
    });

    it('counts attempts, records retries and configuration failures, then the ticket and its delivery', async () => {
      const { escalations } = stores();
      await escalations.enqueue({ escalationId: 'c1:1', conversationId: 'c1', draft, notBefore: 0 });
      expect(await escalations.beginAttempt('c1:1')).toBe(1);
      expect(await escalations.beginAttempt('c1:1')).toBe(2);
      await expect(escalations.beginAttempt('nope')).rejects.toThrow(/not enqueued/);
      await escalations.scheduleRetry('c1:1', 7000, { kind: 'config', cause: 'no project NOPE' });
      expect(await escalations.get('c1:1')).toMatchObject({
        attempts: 2,
        nextAttemptAt: 7000,
        lastError: { kind: 'config', cause: 'no project NOPE' },
      });
      expect(await escalations.latestConfigError()).toEqual({ escalationId: 'c1:1', cause: 'no project NOPE' });
      expect(await escalations.undelivered()).toEqual([]);
      await escalations.complete('c1:1', ticket);
      const created = await escalations.get('c1:1');
      expect(created).toMatchObject({ status: 'created', ticket, delivered: false, lastError: undefined });
      expect(await escalations.latestConfigError()).toBeUndefined();
      expect((await escalations.undelivered()).map((r) => r.escalationId)).toEqual(['c1:1']);
      await escalations.markDelivered('c1:1');
      expect(await escalations.undelivered()).toEqual([]);
      expect(await escalations.pendingCount()).toBe(0);
    });

    it('hands out the pending rows whose time has come, oldest first, up to the limit', async () => {
      const { escalations } = stores();
      for (const [id, at] of [
        ['late', 900],
        ['b', 200],
        ['a', 100],
        ['c', 300],
      ] as const) {
        await escalations.enqueue({ escalationId: id, conversationId: 'c', draft, notBefore: at });
      }
      await escalations.enqueue({ escalationId: 'done', conversationId: 'c', draft, notBefore: 0 });
      await escalations.complete('done', ticket);
      const due = await escalations.due(500, 2, 10_000);
      expect(due.map((r) => [r.escalationId, r.nextAttemptAt])).toEqual([
        ['a', 100],
        ['b', 200],
      ]);
      expect(await escalations.pendingCount()).toBe(4);
      const before = Date.now();
      const oldest = await escalations.oldestPendingAt();
      expect(oldest).toBeGreaterThan(before - 60_000);
      expect(oldest).toBeLessThanOrEqual(before);
    });
  });

  describe('the local desk', () => {
    it('allocates keys per project in order, even for creates at once', async () => {
      const { desk } = stores();
      await desk.ensureProject({ key: 'IT', name: 'IT Support' });
      await desk.ensureProject({ key: 'IT', name: 'renamed later' });
      await desk.ensureProject({ key: 'HR', name: 'People' });
      expect(await desk.listProjects()).toEqual([
        { key: 'HR', name: 'People' },
        { key: 'IT', name: 'IT Support' },
      ]);
      const created = await Promise.all(Array.from({ length: 8 }, () => desk.insertIssue(issue())));
      expect(created.map((i) => i.key).sort()).toEqual(
        ['IT-1', 'IT-2', 'IT-3', 'IT-4', 'IT-5', 'IT-6', 'IT-7', 'IT-8'].sort(),
      );
      const hr = await desk.insertIssue(issue({ project: 'HR' }));
      expect(hr).toMatchObject({ key: 'HR-1', projectName: 'People', updated: hr.created, labels: issue().labels });
      await expect(desk.insertIssue(issue({ project: 'NOPE' }))).rejects.toThrow();
    });

    it('finds an issue by key in any case or by id', async () => {
      const { desk } = stores();
      await desk.ensureProject({ key: 'IT', name: 'IT Support' });
      const made = await desk.insertIssue(issue());
      expect(await desk.findIssue('it-1')).toEqual(made);
      expect(await desk.findIssue(String(made.id))).toEqual(made);
      expect(await desk.findIssue('IT-99')).toBeUndefined();
    });

    it('searches by labels, reporter and status, case-insensitively, with order, paging and the total', async () => {
      const { desk } = stores();
      await desk.ensureProject({ key: 'IT', name: 'IT Support' });
      const day = (d: number) => `2026-01-0${d}T10:00:00.000Z`;
      await desk.insertIssue(issue({ created: day(3) }));
      await desk.insertIssue(issue({ created: day(1), labels: ['VPN'], reporterEmail: 'ben@example.com' }));
      const third = await desk.insertIssue(issue({ created: day(2), status: 'Done', reporterName: 'Ben Ito' }));
      const keys = async (query: Parameters<typeof desk.queryIssues>[0]) =>
        (await desk.queryIssues(query)).issues.map((i) => i.key);
      expect(await keys({ conditions: [{ field: 'labels', negate: false, values: ['vpn'] }] })).toEqual(['IT-2']);
      expect(await keys({ conditions: [{ field: 'reporter', negate: false, values: ['BEN'] }] })).toEqual(['IT-2']);
      expect(await keys({ conditions: [{ field: 'reporter', negate: false, values: ['ben ito'] }] })).toEqual(['IT-3']);
      expect(await keys({ conditions: [{ field: 'status', negate: true, values: ['done'] }] })).toEqual([
        'IT-2',
        'IT-1',
      ]);
      expect(await keys({ conditions: [{ field: 'key', negate: false, values: [] }] })).toEqual([]);
      expect(await keys({ conditions: [{ field: 'key', negate: true, values: [] }] })).toHaveLength(3);
      expect(await keys({ orderBy: { field: 'created', direction: 'ASC' } })).toEqual(['IT-2', 'IT-3', 'IT-1']);
      const page = await desk.queryIssues({ orderBy: { field: 'key', direction: 'ASC' }, offset: 1, limit: 1 });
      expect({ keys: page.issues.map((i) => i.key), total: page.total }).toEqual({ keys: ['IT-2'], total: 3 });
      await desk.updateStatus(third.id, 'In Progress', day(4));
      expect(await desk.findIssue('IT-3')).toMatchObject({ status: 'In Progress', updated: day(4) });
    });

    it('keeps comments in order, lists those of several issues at once, and touches the issue', async () => {
      const { desk } = stores();
      await desk.ensureProject({ key: 'IT', name: 'IT Support' });
      const one = await desk.insertIssue(issue());
      const two = await desk.insertIssue(issue());
      const comment = (issueId: number, body: string, created: string) =>
        desk.insertComment({ issueId, authorName: 'IT Staff', authorEmail: null, body, created });
      const first = await comment(one.id, 'Looking', '2026-01-06T09:00:00.000Z');
      await comment(two.id, 'Other', '2026-01-06T09:30:00.000Z');
      const third = await comment(one.id, 'Fixed', '2026-01-06T10:00:00.000Z');
      expect(first).toMatchObject({ issueId: one.id, body: 'Looking', authorEmail: null });
      expect((await desk.listComments([one.id])).map((c) => c.body)).toEqual(['Looking', 'Fixed']);
      expect((await desk.listComments([one.id, two.id])).map((c) => c.body)).toEqual(['Looking', 'Other', 'Fixed']);
      expect(await desk.listComments([])).toEqual([]);
      expect((await desk.findIssue('IT-1'))?.updated).toBe(third.created);
    });
  });
}
