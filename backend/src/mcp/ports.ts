/**
 * The MCP port: call a tool on an MCP server by name. A tool result with `isError` becomes a
 * `McpToolError` (data from the peer); transport failures become `AppError('unavailable:mcp')`
 * or `AppError('timeout:mcp')` (the outcome of a timed-out call is unknown). These stay inside
 * mcp/: the ticket adapter turns them into tickets' failure codes (ticket-failures.ts).
 */
export interface ToolInfo {
  name: string;
  description?: string;
  inputSchema: unknown;
}

export interface CallOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ToolClient {
  /** Returns the tool's text result parsed as JSON when it is JSON, else the text. */
  callTool(name: string, args: Record<string, unknown>, options?: CallOptions): Promise<unknown>;
  listTools(options?: CallOptions): Promise<ToolInfo[]>;
  close(): Promise<void>;
}

export class McpToolError extends Error {
  constructor(
    readonly tool: string,
    readonly detail: string,
  ) {
    super(`MCP tool ${tool} failed: ${detail}`);
    this.name = 'McpToolError';
  }
}
