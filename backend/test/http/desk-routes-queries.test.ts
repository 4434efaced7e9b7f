import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countingRepository, type CountingRepository } from '../desk/counting-repository.js';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

let harness: DeskHarness;
let counting: CountingRepository | undefined;
const ISSUES = 8;

function get(path: string): Promise<Response> {
  return fetch(`${harness.origin}${path}`, { headers: { Authorization: `Bearer ${harness.token}` } });
}

beforeAll(async () => {
  harness = await startDeskHarness({
    wrapRepository: (repo) => {
      counting = countingRepository(repo);
      return counting.repo;
    },
  });
  for (let n = 1; n <= ISSUES; n++) {
    const issue = await harness.desk.createIssue({ projectKey: 'IT', summary: `issue ${n}`, issueType: 'Task' });
    await harness.desk.addComment(issue.key, `comment on ${n}`);
  }
});

afterAll(async () => {
  await harness.close();
});

describe('desk queries per request', () => {
  it('renders the ticket list with one repository call, however many tickets there are', async () => {
    counting?.reset();
    const response = await get('/desk/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html.match(/<tr>/g)).toHaveLength(ISSUES + 1);
    expect(counting?.calls).toEqual({ queryIssues: 1 });
  });

  it('answers a REST search that shows comments with one call for the page and one for the comments', async () => {
    counting?.reset();
    const response = await get('/desk/rest/api/2/search?jql=project%20%3D%20IT');
    const body = (await response.json()) as { issues: { fields: { comment: { total: number } } }[] };
    expect(body.issues).toHaveLength(ISSUES);
    expect(body.issues.every((issue) => issue.fields.comment.total === 1)).toBe(true);
    expect(counting?.calls).toEqual({ listProjects: 1, queryIssues: 1, listComments: 1 });
  });

  it('loads no comments for a REST search whose fields leave them out', async () => {
    counting?.reset();
    const response = await get('/desk/rest/api/2/search?jql=project%20%3D%20IT&fields=summary,status');
    expect(((await response.json()) as { issues: unknown[] }).issues).toHaveLength(ISSUES);
    expect(counting?.calls.listComments).toBeUndefined();
  });
});
