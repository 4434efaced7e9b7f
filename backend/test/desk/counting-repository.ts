/**
 * A DeskRepository that counts the calls made through it, so that tests can see how many queries
 * a use case or a page costs (one per page, not one per row).
 */
import type { DeskRepository } from '../../src/desk/ports.js';

export interface CountingRepository {
  repo: DeskRepository;
  /** Calls per method since the last reset. */
  calls: Partial<Record<keyof DeskRepository, number>>;
  total(): number;
  reset(): void;
}

export function countingRepository(inner: DeskRepository): CountingRepository {
  const calls: CountingRepository['calls'] = {};
  const count = (name: keyof DeskRepository): void => void (calls[name] = (calls[name] ?? 0) + 1);
  const repo: DeskRepository = {
    ensureProject: (project) => (count('ensureProject'), inner.ensureProject(project)),
    listProjects: () => (count('listProjects'), inner.listProjects()),
    insertIssue: (issue) => (count('insertIssue'), inner.insertIssue(issue)),
    findIssue: (keyOrId) => (count('findIssue'), inner.findIssue(keyOrId)),
    queryIssues: (query) => (count('queryIssues'), inner.queryIssues(query)),
    updateStatus: (id, status, updated) => (count('updateStatus'), inner.updateStatus(id, status, updated)),
    insertComment: (comment) => (count('insertComment'), inner.insertComment(comment)),
    listComments: (issueIds) => (count('listComments'), inner.listComments(issueIds)),
  };
  return {
    repo,
    calls,
    total: () => Object.values(calls).reduce((sum, n) => sum + n, 0),
    reset: () => {
      for (const name of Object.keys(calls) as (keyof DeskRepository)[]) delete calls[name];
    },
  };
}
