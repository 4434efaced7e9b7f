import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskService } from '../../src/desk/desk-service.js';
import { createMcpToolClient } from '../../src/mcp/mcp-tool-client.js';
import { McpToolError, type ToolClient } from '../../src/mcp/ports.js';
import { AppError } from '../../src/shared/errors.js';
import { createLogger, silentLogger } from '../../src/shared/logger.js';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

interface CreateResult {
  message: string;
  issue: {
    id: string;
    key: string;
    summary: string;
    url: string;
    labels?: string[];
    priority?: { name: string };
    components?: string[];
  };
}

function clientFor(harness: DeskHarness, overrides: { timeoutMs?: number; token?: string } = {}): ToolClient {
  return createMcpToolClient({
    url: harness.mcpUrl,
    headers: { Authorization: `Bearer ${overrides.token ?? harness.token}` },
    timeoutMs: overrides.timeoutMs ?? 10_000,
    logger: silentLogger,
  });
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

const createArgs = {
  project_key: 'IT',
  summary: 'VPN drops every 10 minutes on the home network',
  issue_type: 'Task',
  description: '**Reporter:** Ana (ana@example.com)\n\nThe VPN disconnects.',
  components: 'Network, VPN',
  additional_fields: JSON.stringify({ labels: ['it-support-bot', 'vpn'], priority: { name: 'High' } }),
};

describe('MCP tool client against the local desk over HTTP', () => {
  let harness: DeskHarness;
  let client: ToolClient;

  beforeEach(async () => {
    harness = await startDeskHarness();
    client = clientFor(harness);
  });

  afterEach(async () => {
    await client.close();
    await harness.close();
  });

  it('lists the four Jira tools with mcp-atlassian argument names and required arguments', async () => {
    const tools = await client.listTools();
    const byName = new Map(
      tools.map((t) => [t.name, t.inputSchema as { properties: Record<string, unknown>; required?: string[] }]),
    );
    expect([...byName.keys()].sort()).toEqual([
      'jira_add_comment',
      'jira_create_issue',
      'jira_get_issue',
      'jira_search',
    ]);

    const create = byName.get('jira_create_issue');
    expect(Object.keys(create?.properties ?? {}).sort()).toEqual(
      ['additional_fields', 'assignee', 'components', 'description', 'issue_type', 'project_key', 'summary'].sort(),
    );
    expect(create?.required?.sort()).toEqual(['issue_type', 'project_key', 'summary']);
    expect(create?.properties.components).toMatchObject({ type: ['string', 'null'] });
    expect(byName.get('jira_get_issue')?.required).toEqual(['issue_key']);
    expect(Object.keys(byName.get('jira_get_issue')?.properties ?? {})).toEqual(
      expect.arrayContaining(['issue_key', 'fields', 'expand', 'comment_limit']),
    );
    expect(byName.get('jira_add_comment')?.required?.sort()).toEqual(['body', 'issue_key']);
    expect(byName.get('jira_search')?.required).toEqual(['jql']);
    expect(Object.keys(byName.get('jira_search')?.properties ?? {})).toEqual(
      expect.arrayContaining(['jql', 'fields', 'limit', 'start_at']),
    );
  });

  it('creates, reads, comments on and finds a ticket in mcp-atlassian result shapes', async () => {
    const created = (await client.callTool('jira_create_issue', createArgs)) as CreateResult;
    expect(created.message).toBe('Issue created successfully');
    expect(created.issue.key).toMatch(/^IT-\d+$/);
    expect(created.issue.url).toBe(`${harness.origin}/desk/rest/api/2/issue/${created.issue.id}`);
    expect(created.issue.labels).toEqual(['it-support-bot', 'vpn']);
    expect(created.issue.priority).toEqual({ name: 'High' });
    expect(created.issue.components).toEqual(['Network', 'VPN']);

    const comment = (await client.callTool('jira_add_comment', {
      issue_key: created.issue.key,
      body: 'Tried reinstalling the client.',
    })) as {
      id: string;
      body: string;
      author: string;
    };
    expect(comment).toMatchObject({ body: 'Tried reinstalling the client.', author: 'IT Support Bot' });
    // mcp-atlassian 0.23.1 also accepts `comment` for `body`.
    await client.callTool('jira_add_comment', { issue_key: created.issue.key, comment: 'Second note' });

    const fetched = (await client.callTool('jira_get_issue', { issue_key: created.issue.key })) as Record<
      string,
      unknown
    >;
    expect(fetched).toMatchObject({
      key: created.issue.key,
      summary: createArgs.summary,
      status: { name: 'To Do', category: 'To Do' },
      browse_url: `${harness.origin}/desk/browse/${created.issue.key}`,
      description: createArgs.description,
    });
    expect((fetched.comments as Array<{ body: string }>).map((c) => c.body)).toEqual([
      'Tried reinstalling the client.',
      'Second note',
    ]);

    const found = (await client.callTool('jira_search', {
      jql: 'project = IT AND labels = "vpn" AND statusCategory != Done ORDER BY created DESC',
      limit: 5,
    })) as { total: number; issues: Array<{ key: string }> };
    expect(found.total).toBe(1);
    expect(found.issues[0]?.key).toBe(created.issue.key);
  });

  it('reuses one session across calls, and concurrent first calls share one connect', async () => {
    await Promise.all([
      client.callTool('jira_search', { jql: 'project = IT' }),
      client.callTool('jira_search', { jql: 'project = IT' }),
      client.listTools(),
    ]);
    await client.callTool('jira_search', { jql: 'project = IT' });
    expect(harness.traffic.initializes).toBe(1);
    expect(new Set(harness.traffic.sessionIds).size).toBe(1);
  });

  it('opens a new session and still succeeds when the server forgot the session', async () => {
    await client.callTool('jira_search', { jql: 'project = IT' });
    await harness.mcp.close();

    const created = (await client.callTool('jira_create_issue', createArgs)) as CreateResult;
    expect(created.issue.key).toMatch(/^IT-\d+$/);
    expect(harness.traffic.notFound).toBeGreaterThanOrEqual(1);
    expect(harness.traffic.initializes).toBe(2);
    // The retried create ran once: exactly one ticket exists.
    expect((await harness.desk.search('project = IT')).total).toBe(1);
  });

  it('keeps working after the server restarts on the same port', async () => {
    await client.callTool('jira_search', { jql: 'project = IT' });
    await harness.restart();
    // A real restart takes far longer than the client needs to notice its pooled keep-alive
    // socket was closed; without a pause the POST can race onto that dead socket.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const found = (await client.callTool('jira_search', { jql: 'project = IT' })) as { total: number };
    expect(found.total).toBe(0);
    expect(harness.traffic.initializes).toBe(2);
  });

  it('turns a tool error result into McpToolError with the tool text', async () => {
    const unknownProject = await rejection(
      client.callTool('jira_create_issue', { ...createArgs, project_key: 'NOPE' }),
    );
    expect(unknownProject).toBeInstanceOf(McpToolError);
    expect((unknownProject as McpToolError).detail).toMatch(
      /^Error calling tool 'create_issue': valid project is required/,
    );

    const badType = await rejection(client.callTool('jira_create_issue', { ...createArgs, issue_type: 'Epic' }));
    expect(badType).toBeInstanceOf(McpToolError);
    expect((badType as McpToolError).detail).toContain('valid issue type is required');

    const missing = await rejection(client.callTool('jira_get_issue', { issue_key: 'IT-999' }));
    expect((missing as McpToolError).detail).toBe(
      "Error calling tool 'get_issue': Issue IT-999 not found. Verify the issue key and project access.",
    );
    expect((await harness.desk.search('')).total).toBe(0);
  });

  it('reports unavailable:mcp when nothing listens at the URL', async () => {
    const url = harness.mcpUrl;
    await harness.stopHttp();
    const down = createMcpToolClient({ url, timeoutMs: 5000, logger: silentLogger });
    const error = await rejection(down.callTool('jira_search', { jql: 'project = IT' }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('unavailable:mcp');
    await down.close();
  });

  it('reports unavailable:mcp when the desk token is wrong, and never logs it', async () => {
    const lines: string[] = [];
    const wrong = createMcpToolClient({
      url: harness.mcpUrl,
      headers: { Authorization: 'Bearer not-the-token-secret-value' },
      timeoutMs: 5000,
      logger: createLogger('debug', {}, (line) => lines.push(line)),
    });
    const error = await rejection(wrong.listTools());
    expect((error as AppError).code).toBe('unavailable:mcp');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join('\n')).not.toContain('not-the-token-secret-value');
    await wrong.close();
  });
});

describe('MCP tool client failure modes', () => {
  it('reports timeout:mcp when a tool takes longer than the timeout', async () => {
    const harness = await startDeskHarness({
      wrapDesk: (desk): DeskService => ({
        ...desk,
        search: async (...args) => {
          await new Promise((resolve) => setTimeout(resolve, 1500));
          return desk.search(...args);
        },
      }),
    });
    const client = clientFor(harness, { timeoutMs: 300 });
    try {
      const started = Date.now();
      const error = await rejection(client.callTool('jira_search', { jql: 'project = IT' }));
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('timeout:mcp');
      expect(Date.now() - started).toBeLessThan(1400);
      // A per-call timeout overrides the default, and the session survives the timeout.
      const ok = (await client.callTool('jira_search', { jql: 'project = IT' }, { timeoutMs: 5000 })) as {
        total: number;
      };
      expect(ok.total).toBe(0);
    } finally {
      await client.close();
      await harness.close();
    }
  });

  it('reports unavailable:mcp when the server answers 5xx', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end('bad gateway');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const { port } = server.address() as AddressInfo;
    const client = createMcpToolClient({ url: `http://127.0.0.1:${port}/mcp`, timeoutMs: 5000, logger: silentLogger });
    try {
      const error = await rejection(client.callTool('jira_search', { jql: 'x' }));
      expect((error as AppError).code).toBe('unavailable:mcp');
    } finally {
      await client.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
