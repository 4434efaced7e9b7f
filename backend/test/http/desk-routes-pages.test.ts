import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskIssue } from '../../src/desk/desk-types.js';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

let harness: DeskHarness;
let issue: DeskIssue;
let cookie: string;

async function login(token: string, next = '/desk/'): Promise<Response> {
  return fetch(`${harness.origin}/desk/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, next }).toString(),
  });
}

function page(path: string, headers: Record<string, string> = { Cookie: cookie }): Promise<Response> {
  return fetch(`${harness.origin}${path}`, { redirect: 'manual', headers });
}

function csrfOf(html: string): string {
  const match = /name="csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no csrf field on the page');
  return match[1];
}

beforeAll(async () => {
  harness = await startDeskHarness();
  issue = await harness.desk.createIssue({
    projectKey: 'IT',
    summary: 'Teams <script>alert(1)</script> crashes',
    issueType: 'Incident',
    description: '## What happened\n\nTeams closes with <b>error</b> & "code" 42.',
    labels: ['it-support-bot', 'teams'],
    priority: 'High',
    reporter: { name: 'ana', displayName: 'Ana Silva', emailAddress: 'ana@example.com' },
  });
  await harness.desk.addComment(issue.key, 'Looking into it <img src=x onerror=alert(2)>');
  const response = await login(harness.token);
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
});

afterAll(async () => {
  await harness.close();
});

describe('desk staff pages', () => {
  it('redirects to the login page when there is no session', async () => {
    const response = await page(`/desk/browse/${issue.key}`, {});
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(
      `/desk/login?next=${encodeURIComponent(`/desk/browse/${issue.key}`)}`,
    );
    expect((await page('/desk/', {})).status).toBe(303);
  });

  it('shows a login form with a password field for the desk token', async () => {
    const response = await page(`/desk/login?next=${encodeURIComponent('/desk/browse/IT-1')}`, {});
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toMatch(/<input[^>]+name="token"[^>]+type="password"/);
    expect(html).toContain('Desk token');
    expect(html).toContain('value="/desk/browse/IT-1"');
  });

  it('refuses a wrong token and sets no cookie', async () => {
    const response = await login('wrong-token-value');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with the token, sets a scoped HttpOnly cookie and returns to the desk page asked for', async () => {
    const response = await login(harness.token, `/desk/browse/${issue.key}`);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`/desk/browse/${issue.key}`);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^desk_session=/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/desk');
    expect(setCookie).not.toContain(harness.token);
  });

  it('never redirects outside the desk after sign-in', async () => {
    for (const next of ['https://evil.example/', '//evil.example/desk', '/desk/../admin', '/elsewhere']) {
      const response = await login(harness.token, next);
      expect(response.headers.get('location')).toBe('/desk/');
    }
  });

  it('lists tickets linking to their pages', async () => {
    const response = await page('/desk/');
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain(`href="/desk/browse/${issue.key}"`);
    expect(html).toContain('Ana Silva');
    expect(html).toContain('To Do');
  });

  it('shows the ticket with its fields, description and comments, all escaped', async () => {
    const response = await page(`/desk/browse/${issue.key}`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain(issue.key);
    expect(html).toContain('Teams &lt;script&gt;alert(1)&lt;/script&gt; crashes');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Teams closes with &lt;b&gt;error&lt;/b&gt; &amp; &quot;code&quot; 42.');
    expect(html).toContain('Looking into it &lt;img src=x onerror=alert(2)&gt;');
    expect(html).not.toContain('<img');
    expect(html).toContain('High');
    expect(html).toContain('it-support-bot');
    expect(html).toContain('Ana Silva');
  });

  it('accepts the Bearer header instead of a cookie', async () => {
    const response = await page(`/desk/browse/${issue.key}`, { Authorization: `Bearer ${harness.token}` });
    expect(response.status).toBe(200);
  });

  it('answers an unknown ticket with a 404 page', async () => {
    const response = await page('/desk/browse/IT-4040');
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('Not found');
  });

  it('adds a comment and changes the status from the ticket page, with the form token', async () => {
    const csrf = csrfOf(await (await page(`/desk/browse/${issue.key}`)).text());
    const post = (path: string, fields: Record<string, string>) =>
      fetch(`${harness.origin}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });

    const forged = await post(`/desk/browse/${issue.key}/comment`, { body: 'no token' });
    expect(forged.status).toBe(403);

    const commented = await post(`/desk/browse/${issue.key}/comment`, {
      csrf,
      body: 'Please restart Teams.',
      author: 'Kim',
    });
    expect(commented.status).toBe(303);
    const moved = await post(`/desk/browse/${issue.key}/transition`, { csrf, to: 'In Progress' });
    expect(moved.status).toBe(303);

    const after = await harness.desk.getIssue(issue.key);
    expect(after.status).toBe('In Progress');
    const comments = await harness.desk.listComments(after);
    expect(comments.map((c) => [c.author.displayName, c.body])).toContainEqual(['Kim', 'Please restart Teams.']);
    expect(comments.some((c) => c.body === 'no token')).toBe(false);
  });
});
