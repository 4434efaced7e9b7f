/**
 * Client mistakes are 4xx with a coded message, never a 500 (issue 10): malformed URLs and
 * encodings, unparseable or oversized JQL, bad bodies. And every page carries security headers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let bearer: Record<string, string>;

beforeAll(async () => {
  server = await startTestServer();
  bearer = { Authorization: `Bearer ${server.deskToken ?? ''}` };
});

afterAll(async () => {
  await server?.close();
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

describe('malformed URLs', () => {
  it.each([
    '/desk/browse/%c0',
    '/desk/browse/%E0%A4%A',
    '/desk/rest/api/2/issue/%c0',
    '/desk/rest/api/2/issue/%ff%fe/comment',
    '/%c0',
    '/desk/%c0',
  ])('%s is a 4xx, with or without the desk token', async (path) => {
    for (const headers of [{}, bearer]) {
      const response = await get(path, headers);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it('a cookie with a broken encoding is no session, not an error', async () => {
    const response = await get('/desk/', { Cookie: 'desk_session=%c0%' });
    expect(response.status).toBeLessThan(500);
  });
});

describe('JQL the desk cannot take', () => {
  const search = (jql: string) =>
    fetch(`${server.url}/desk/rest/api/2/search`, {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: JSON.stringify({ jql }),
    });

  it.each([
    ['deeply nested parentheses', `${'('.repeat(20_000)}project = IT${')'.repeat(20_000)}`],
    ['a huge value list', `key in (${Array.from({ length: 40_000 }, (_, i) => `IT-${i}`).join(', ')})`],
    ['a long AND chain', Array.from({ length: 5_000 }, (_, i) => `labels = l${i}`).join(' AND ')],
    ['garbage', ')))((( = = ='],
  ])('%s is a 400 with a Jira-style message', async (_name, jql) => {
    const response = await search(jql);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errorMessages: string[] };
    expect(body.errorMessages.join(' ')).not.toMatch(/stack|SQLITE|RangeError|at \w+ \(/i);
  });

  it('still answers a normal search afterwards', async () => {
    const response = await search('project = IT ORDER BY created DESC');
    expect(response.status).toBe(200);
  });
});

describe('bad bodies', () => {
  it('unparseable JSON on the REST API is a 400', async () => {
    const response = await fetch(`${server.url}/desk/rest/api/2/issue`, {
      method: 'POST',
      headers: { ...bearer, 'Content-Type': 'application/json' },
      body: '{"fields":',
    });
    expect(response.status).toBe(400);
  });
});

describe('security headers', () => {
  it('the chat page sends a Content-Security-Policy that allows only its own script and socket', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the widget script can be embedded by intranet pages on another origin', async () => {
    const response = await get('/helpdesk-chat.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
  });

  it('API answers and desk pages carry the headers too', async () => {
    for (const path of ['/healthz', '/desk/login']) {
      const response = await get(path);
      expect(response.headers.get('content-security-policy'), path).toContain("default-src 'none'");
      expect(
        response.headers.get('x-frame-options') ?? response.headers.get('content-security-policy'),
        path,
      ).toBeTruthy();
    }
  });
});
