import { describe, expect, it } from 'vitest';
import { createJiraReadinessCheck } from '../../src/mcp/jira-readiness.js';
import { McpToolError } from '../../src/mcp/ports.js';
import { AppError } from '../../src/shared/errors.js';
import type { EscalationOutbox } from '../../src/tickets/escalation-outbox.js';
import { createScriptedToolClient } from './scripted-tool-client.js';

type Status = Awaited<ReturnType<EscalationOutbox['status']>>;

function check(answer: () => unknown, status: Status = { pending: 0, configError: undefined }) {
  let clock = 0;
  const client = createScriptedToolClient(answer);
  const ready = createJiraReadinessCheck({
    client,
    outbox: { status: async () => status },
    projectKey: 'IT',
    cacheMs: 1000,
    now: () => clock,
  });
  return { client, ready, advance: (ms: number) => (clock += ms) };
}

const failureOf = (promise: Promise<void>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as AppError,
  );

describe('Jira readiness', () => {
  it('probes the project once per cache period with a quoted JQL search', async () => {
    const { client, ready, advance } = check(() => ({ issues: [] }));
    await ready();
    await ready();
    expect(client.calls).toEqual([
      { name: 'jira_search', args: { jql: 'project = "IT" ORDER BY created DESC', fields: 'summary', limit: 1 } },
    ]);
    advance(1000);
    await ready();
    expect(client.calls).toHaveLength(2);
  });

  it('reports a queued escalation that failed on configuration, without probing', async () => {
    const { client, ready } = check(() => ({ issues: [] }), {
      pending: 1,
      configError: { escalationId: 'c1:1', cause: 'MCP server refused credentials (401)' },
    });
    const error = await failureOf(ready());
    expect(error?.code).toBe('unavailable:jira_config');
    expect(String((error?.cause as Error).message)).toContain('c1:1');
    expect(client.calls).toEqual([]);
  });

  it('tells a probe Jira refuses (configuration) from one that meets an outage', async () => {
    const refused = check(() => {
      throw new McpToolError('jira_search', "project 'IT' does not exist");
    });
    expect((await failureOf(refused.ready()))?.code).toBe('unavailable:jira_config');
    const denied = check(() => {
      throw new AppError('unavailable:mcp', undefined, { cause: { code: 403 } });
    });
    expect((await failureOf(denied.ready()))?.code).toBe('unavailable:jira_config');
    const down = check(() => {
      throw new McpToolError('jira_search', 'HTTP 503 Service Unavailable');
    });
    expect((await failureOf(down.ready()))?.code).toBe('unavailable:jira');
    const slow = check(() => {
      throw new AppError('timeout:mcp');
    });
    expect((await failureOf(slow.ready()))?.code).toBe('unavailable:jira');
  });
});
