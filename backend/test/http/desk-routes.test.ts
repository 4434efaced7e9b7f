import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

let harness: DeskHarness;
let rest: string;
let auth: Record<string, string>;

beforeAll(async () => {
  harness = await startDeskHarness();
  rest = `${harness.origin}/desk/rest/api/2`;
  auth = { Authorization: `Bearer ${harness.token}`, 'Content-Type': 'application/json' };
});

afterAll(async () => {
  await harness.close();
});

async function createIssue(fields: Record<string, unknown>): Promise<Response> {
  return fetch(`${rest}/issue`, {
    method: 'POST',
    headers: auth,
    body: JSON.stringify({ fields: { project: { key: 'IT' }, issuetype: { name: 'Task' }, ...fields } }),
  });
}

describe('desk REST API (Jira v2 subset)', () => {
  it('refuses requests without the desk token with a Jira-style 401', async () => {
    const none = await fetch(`${rest}/myself`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ errorMessages: [expect.stringContaining('not authenticated')], errors: {} });
    const wrong = await fetch(`${rest}/myself`, { headers: { Authorization: 'Bearer wrong-token' } });
    expect(wrong.status).toBe(401);
  });

  it('refuses the MCP endpoint without the token and accepts "Token <t>" as well as Bearer', async () => {
    const init = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
    };
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' };
    const anonymous = await fetch(`${harness.origin}/desk/mcp`, {
      method: 'POST',
      headers,
      body: JSON.stringify(init),
    });
    expect(anonymous.status).toBe(401);
    expect(harness.traffic.initializes).toBe(0);
    const withToken = await fetch(`${harness.origin}/desk/mcp`, {
      method: 'POST',
      headers: { ...headers, Authorization: `Token ${harness.token}` },
      body: JSON.stringify(init),
    });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('mcp-session-id')).toBeTruthy();
    await withToken.body?.cancel();
  });

  it('answers an unknown MCP session with 404 "Session not found"', async () => {
    const response = await fetch(`${harness.origin}/desk/mcp`, {
      method: 'POST',
      headers: { ...auth, Accept: 'application/json, text/event-stream', 'mcp-session-id': 'no-such-session' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }),
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', error: { message: 'Session not found' } });
  });

  it('creates an issue and reads it back in Jira shape', async () => {
    const created = await createIssue({
      summary: 'Printer on floor 3 jams',
      description: 'It jams on every *second* page.',
      labels: ['it-support-bot', 'printer'],
      priority: { name: 'Low' },
      components: [{ name: 'Printers' }],
    });
    expect(created.status).toBe(201);
    const ref = (await created.json()) as { id: string; key: string; self: string };
    expect(ref.key).toMatch(/^IT-\d+$/);
    expect(ref.self).toBe(`${rest}/issue/${ref.id}`);

    const got = await fetch(`${rest}/issue/${ref.key}`, { headers: auth });
    expect(got.status).toBe(200);
    const issue = (await got.json()) as { key: string; fields: Record<string, unknown> };
    expect(issue.key).toBe(ref.key);
    expect(issue.fields).toMatchObject({
      summary: 'Printer on floor 3 jams',
      description: 'It jams on every *second* page.',
      status: { name: 'To Do', statusCategory: { key: 'new', name: 'To Do' } },
      issuetype: { name: 'Task' },
      priority: { name: 'Low' },
      labels: ['it-support-bot', 'printer'],
      components: [{ name: 'Printers' }],
      project: { key: 'IT', name: 'IT Support' },
      reporter: { displayName: 'IT Support Bot', emailAddress: 'it-support-bot@desk.local' },
      comment: { comments: [], total: 0 },
    });
    expect(String(issue.fields.created)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);

    const only = (await (await fetch(`${rest}/issue/${ref.key}?fields=summary,status`, { headers: auth })).json()) as {
      fields: Record<string, unknown>;
    };
    expect(Object.keys(only.fields).sort()).toEqual(['status', 'summary']);
  });

  it('rejects an unknown project and issue type with Jira field errors', async () => {
    const project = await fetch(`${rest}/issue`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ fields: { project: { key: 'NOPE' }, summary: 'x', issuetype: { name: 'Task' } } }),
    });
    expect(project.status).toBe(400);
    expect(await project.json()).toEqual({
      errorMessages: [],
      errors: { project: expect.stringContaining('valid project is required') },
    });

    const type = await createIssue({ summary: 'x', issuetype: { name: 'Epic' } });
    expect(type.status).toBe(400);
    expect(((await type.json()) as { errors: Record<string, string> }).errors.issuetype).toContain('valid issue type');
  });

  it('answers an unknown issue with 404 and errorMessages', async () => {
    const response = await fetch(`${rest}/issue/IT-9999`, { headers: auth });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      errorMessages: ['Issue does not exist or you do not have permission to see it.'],
      errors: {},
    });
  });

  it('adds and lists comments', async () => {
    const { key } = (await (await createIssue({ summary: 'Outlook keeps asking for a password' })).json()) as {
      key: string;
    };
    const added = await fetch(`${rest}/issue/${key}/comment`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: 'Reset the profile.' }),
    });
    expect(added.status).toBe(201);
    expect(await added.json()).toMatchObject({ body: 'Reset the profile.', author: { displayName: 'IT Support Bot' } });
    const empty = await fetch(`${rest}/issue/${key}/comment`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ body: '  ' }),
    });
    expect(empty.status).toBe(400);

    const list = (await (await fetch(`${rest}/issue/${key}/comment`, { headers: auth })).json()) as {
      total: number;
      comments: Array<{ body: string }>;
    };
    expect(list.total).toBe(1);
    expect(list.comments[0]?.body).toBe('Reset the profile.');
  });

  it('searches with JQL by GET and POST and reports unsupported JQL clearly', async () => {
    const { key } = (await (
      await createIssue({ summary: 'MFA prompt never arrives', labels: ['mfa-search'] })
    ).json()) as { key: string };
    const jql = 'project = IT AND labels in ("mfa-search") ORDER BY created DESC';
    const viaGet = (await (
      await fetch(`${rest}/search?jql=${encodeURIComponent(jql)}&fields=summary`, { headers: auth })
    ).json()) as {
      total: number;
      issues: Array<{ key: string; fields: Record<string, unknown> }>;
    };
    expect(viaGet.total).toBe(1);
    expect(viaGet.issues[0]).toMatchObject({ key, fields: { summary: 'MFA prompt never arrives' } });
    expect(Object.keys(viaGet.issues[0]?.fields ?? {})).toEqual(['summary']);

    const viaPost = await fetch(`${rest}/search`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ jql, maxResults: 5 }),
    });
    expect(((await viaPost.json()) as { total: number; maxResults: number }).maxResults).toBe(5);

    const bad = await fetch(`${rest}/search?jql=${encodeURIComponent('project = IT OR labels = x')}`, {
      headers: auth,
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errorMessages: string[] }).errorMessages[0]).toContain('OR is not supported');
  });

  it('lists and performs transitions', async () => {
    const { key } = (await (await createIssue({ summary: 'Laptop fan is loud' })).json()) as { key: string };
    const listed = (await (await fetch(`${rest}/issue/${key}/transitions`, { headers: auth })).json()) as {
      transitions: Array<{ id: string; name: string; to: { name: string } }>;
    };
    expect(listed.transitions.map((t) => t.name)).toEqual(['In Progress', 'Done']);
    const done = listed.transitions.find((t) => t.name === 'Done');
    const moved = await fetch(`${rest}/issue/${key}/transitions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ transition: { id: done?.id } }),
    });
    expect(moved.status).toBe(204);
    const issue = (await (await fetch(`${rest}/issue/${key}?fields=status`, { headers: auth })).json()) as {
      fields: { status: { name: string } };
    };
    expect(issue.fields.status.name).toBe('Done');
    const again = await fetch(`${rest}/issue/${key}/transitions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ transition: { id: done?.id } }),
    });
    expect(again.status).toBe(400);
  });

  it('serves myself, field and serverInfo', async () => {
    expect(await (await fetch(`${rest}/myself`, { headers: auth })).json()).toMatchObject({
      name: 'it-support-bot',
      displayName: 'IT Support Bot',
    });
    const fields = (await (await fetch(`${rest}/field`, { headers: auth })).json()) as Array<{ id: string }>;
    expect(fields.map((f) => f.id)).toEqual(
      expect.arrayContaining([
        'summary',
        'description',
        'labels',
        'priority',
        'status',
        'issuetype',
        'project',
        'components',
        'reporter',
        'assignee',
        'created',
        'updated',
        'comment',
      ]),
    );
    expect(await (await fetch(`${rest}/serverInfo`, { headers: auth })).json()).toMatchObject({
      deploymentType: 'Server',
      baseUrl: `${harness.origin}/desk`,
    });
    const missing = await fetch(`${rest}/nothing-here`, { headers: auth });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errorMessages: string[] }).errorMessages).toHaveLength(1);
  });
});
