import { StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { describe, expect, it } from 'vitest';
import { toTicketGatewayError, withTicketFailures } from '../../src/mcp/ticket-failures.js';
import { McpToolError, type ToolClient } from '../../src/mcp/ports.js';
import { AppError } from '../../src/shared/errors.js';
import { TicketGatewayError } from '../../src/tickets/ports.js';

const mapped = (error: unknown) => {
  const result = toTicketGatewayError(error);
  expect(result).toBeInstanceOf(TicketGatewayError);
  return result as TicketGatewayError;
};

describe('ticket failures from MCP', () => {
  it('reports a tool error as rejected, unless its text names an outage', () => {
    const refused = mapped(new McpToolError('jira_create_issue', 'valid issue type is required'));
    expect(refused).toMatchObject({
      code: 'rejected',
      message: 'MCP tool jira_create_issue failed: valid issue type is required',
    });
    for (const outage of ['HTTP 503 Service Unavailable', 'Read timed out', 'Connection refused by jira']) {
      expect(mapped(new McpToolError('jira_search', outage)).code).toBe('transient');
    }
  });

  it('reports refused credentials as auth, whatever the transport error', () => {
    for (const status of [401, 403]) {
      const error = new AppError('unavailable:mcp', undefined, {
        cause: new StreamableHTTPError(status, 'Error POSTing to endpoint'),
      });
      expect(mapped(error)).toMatchObject({ code: 'auth', message: `MCP server refused credentials (${status})` });
    }
  });

  it('reports an unreachable server as transient and a timed-out call as of unknown outcome', () => {
    const down = mapped(new AppError('unavailable:mcp', undefined, { cause: new Error('fetch failed') }));
    expect(down).toMatchObject({ code: 'transient', message: 'unavailable:mcp: fetch failed' });
    expect(
      mapped(new AppError('unavailable:mcp', undefined, { cause: new StreamableHTTPError(502, 'bad') })).code,
    ).toBe('transient');
    expect(mapped(new AppError('timeout:mcp')).code).toBe('unknown-outcome');
  });

  it("leaves the caller's abort and an already mapped failure as they are", () => {
    const abort = new DOMException('stopped', 'AbortError');
    expect(toTicketGatewayError(abort)).toBe(abort);
    const done = new TicketGatewayError('rejected', 'no');
    expect(toTicketGatewayError(done)).toBe(done);
  });

  it('maps every failure of a wrapped client, and passes results through', async () => {
    const client: ToolClient = {
      callTool: async (name) => {
        if (name === 'jira_create_issue') throw new McpToolError(name, "project 'NOPE' does not exist");
        return { issues: [] };
      },
      listTools: async () => [],
      close: async () => undefined,
    };
    const jira = withTicketFailures(client);
    await expect(jira.callTool('jira_search', { jql: 'x' })).resolves.toEqual({ issues: [] });
    await expect(jira.callTool('jira_create_issue', {})).rejects.toMatchObject({ code: 'rejected' });
  });
});
