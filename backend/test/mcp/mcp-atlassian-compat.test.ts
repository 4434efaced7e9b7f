/**
 * The real mcp-atlassian 0.23.1 (from PyPI, see support/mcp-atlassian.ts) against the desk's REST
 * API, compared with the desk's own MCP tools: the same result keys, in the same order, for the
 * same calls (the contract suite checks values, not this parity).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMcpToolClient } from '../../src/mcp/mcp-tool-client.js';
import type { ToolClient } from '../../src/mcp/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMcpAtlassianProcess, type McpAtlassianProcess } from '../contract/mcp-atlassian-process.js';
import { startDeskHarness, type DeskHarness } from '../desk/desk-harness.js';

describe('real mcp-atlassian 0.23.1 against the local desk', () => {
  let harness: DeskHarness;
  let atlassian: McpAtlassianProcess;
  let real: ToolClient;
  let desk: ToolClient;

  beforeAll(async () => {
    harness = await startDeskHarness();
    // No global credentials: each request carries the PAT as "Token", as the backend sends it.
    atlassian = await createMcpAtlassianProcess({
      jiraUrl: `${harness.origin}/desk`,
      token: harness.token,
      auth: 'token-header',
    });
    await atlassian.start();
    real = createMcpToolClient({
      url: atlassian.url,
      headers: { Authorization: `Token ${harness.token}` },
      timeoutMs: 30_000,
      logger: silentLogger,
    });
    desk = createMcpToolClient({
      url: harness.mcpUrl,
      headers: { Authorization: `Bearer ${harness.token}` },
      timeoutMs: 30_000,
      logger: silentLogger,
    });
  }, 660_000);

  afterAll(async () => {
    await real?.close();
    await desk?.close();
    await atlassian?.stop();
    await harness?.close();
  });

  it('creates, comments, reads and searches with results of the same shape', async () => {
    const args = {
      project_key: 'IT',
      summary: 'Teams calls drop',
      issue_type: 'Task',
      description: 'Calls drop after a minute.',
      components: 'Teams',
      additional_fields: JSON.stringify({ labels: ['it-support-bot', 'teams'], priority: { name: 'High' } }),
    };
    const run = async (client: ToolClient) => {
      const created = (await client.callTool('jira_create_issue', args)) as {
        message: string;
        issue: Record<string, unknown>;
      };
      const key = String(created.issue.key);
      const comment = (await client.callTool('jira_add_comment', {
        issue_key: key,
        body: 'Tried a restart.',
      })) as Record<string, unknown>;
      const got = (await client.callTool('jira_get_issue', { issue_key: key })) as Record<string, unknown>;
      const found = (await client.callTool('jira_search', { jql: `key = ${key}` })) as {
        issues: Array<Record<string, unknown>>;
      };
      return { created, comment, got, found };
    };
    const viaReal = await run(real);
    const viaDesk = await run(desk);
    expect(viaDesk.created.message).toBe(viaReal.created.message);
    expect(Object.keys(viaDesk.created.issue)).toEqual(Object.keys(viaReal.created.issue));
    expect(Object.keys(viaDesk.comment)).toEqual(Object.keys(viaReal.comment));
    expect(Object.keys(viaDesk.got)).toEqual(Object.keys(viaReal.got));
    expect(Object.keys(viaDesk.found.issues[0] ?? {})).toEqual(Object.keys(viaReal.found.issues[0] ?? {}));
    expect(viaDesk.got.status).toEqual(viaReal.got.status);
    expect(viaDesk.got.labels).toEqual(viaReal.got.labels);
    expect(String(viaReal.got.browse_url)).toBe(`${harness.origin}/desk/browse/${String(viaReal.got.key)}`);
  });
});
