/**
 * The one place where MCP failures become the ticket ports' failure codes (`TicketGatewayError`):
 * every Jira call of the ticket adapter goes through `withTicketFailures`. Nothing outside mcp/
 * reads MCP error text or the HTTP status the SDK keeps in `cause.code`.
 */
import { AppError } from '../shared/errors.js';
import { TicketGatewayError } from '../tickets/ports.js';
import { McpToolError, type ToolClient } from './ports.js';

// mcp-atlassian reports a Jira outage as a tool error whose text says so; any other tool error is
// Jira (or the desk) refusing the request: an unknown project, a bad issue type, a bad query.
const OUTAGE_TEXT = /\b(5\d\d|timed? ?out|timeout|connection|unreachable|temporar\w*|unavailable|refused)\b/i;

/**
 * A `TicketGatewayError` for what the MCP client throws. Anything else (the caller's own abort,
 * a bug) is returned as it is: it says nothing about the ticket system.
 */
export function toTicketGatewayError(error: unknown): unknown {
  if (error instanceof TicketGatewayError) return error;
  if (error instanceof McpToolError) {
    const code = OUTAGE_TEXT.test(error.detail) ? 'transient' : 'rejected';
    return new TicketGatewayError(code, error.message, { cause: error });
  }
  if (!(error instanceof AppError)) return error;
  // The SDK's StreamableHTTPError carries the HTTP status as `code`; the client keeps it as cause.
  const status = (error.cause as { code?: unknown } | undefined)?.code;
  if (status === 401 || status === 403) {
    return new TicketGatewayError('auth', `MCP server refused credentials (${status})`, { cause: error });
  }
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  // A timed-out call may still run to the end on the server.
  const code = error.code === 'timeout:mcp' ? 'unknown-outcome' : 'transient';
  return new TicketGatewayError(code, `${error.code}${inner}`, { cause: error });
}

/** The client's `callTool`, failing with `TicketGatewayError` codes instead of MCP errors. */
export function withTicketFailures(client: ToolClient): Pick<ToolClient, 'callTool'> {
  return {
    async callTool(name, args, options) {
      try {
        return await client.callTool(name, args, options);
      } catch (error) {
        throw toTicketGatewayError(error);
      }
    },
  };
}
