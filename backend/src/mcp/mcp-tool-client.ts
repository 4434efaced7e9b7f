/**
 * The MCP client behind the ToolClient port, over streamable HTTP (mcp-atlassian or the local
 * desk's /desk/mcp). Promises:
 * - one session, opened lazily and shared: concurrent first calls wait on the same connect;
 * - when the server has forgotten the session (HTTP 404 "Session not found", e.g. after a
 *   restart) the call is retried once on a brand-new client and transport — the SDK does not
 *   reconnect by itself, and a 404 means the server never ran the request, so a retry is safe;
 * - every request is bounded by a timeout; a timeout is `timeout:mcp` ("outcome unknown": the
 *   server keeps running the tool), transport failures are `unavailable:mcp`, and a tool's own
 *   failure (`isError`) is a `McpToolError` carrying its text.
 * Header values (credentials) are never logged.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';
import type { Timer } from '../shared/metrics.js';
import { withTimeout } from '../shared/timing.js';
import { McpToolError, type CallOptions, type ToolClient, type ToolInfo } from './ports.js';

export interface McpToolClientOptions {
  url: string;
  headers?: Record<string, string>;
  timeoutMs: number;
  logger: Logger;
  clientName?: string;
  /** Records each call's duration by tool and outcome (helpdesk_mcp_call_seconds). */
  callSeconds?: Timer;
}

interface Connection {
  client: Client;
  transport: StreamableHTTPClientTransport;
}

export function createMcpToolClient(options: McpToolClientOptions): ToolClient {
  const { logger } = options;
  const url = new URL(options.url);
  let current: Promise<Connection> | undefined;
  let isClosed = false;

  const connect = async (): Promise<Connection> => {
    const client = new Client({ name: options.clientName ?? 'helpdesk-backend', version: '0.1.0' });
    const transport = new StreamableHTTPClientTransport(url, { requestInit: { headers: { ...options.headers } } });
    try {
      await client.connect(transport, { timeout: options.timeoutMs, signal: AbortSignal.timeout(options.timeoutMs) });
    } catch (error) {
      await client.close().catch(() => undefined);
      throw error;
    }
    logger.debug('MCP session opened', { url: url.origin + url.pathname, sessionId: transport.sessionId });
    return { client, transport };
  };

  const connection = (): Promise<Connection> => {
    if (isClosed)
      return Promise.reject(new AppError('unavailable:mcp', undefined, { cause: new Error('client closed') }));
    if (!current) {
      const attempt = connect();
      current = attempt;
      // A failed connect must not stick: the next call tries again.
      attempt.catch(() => {
        if (current === attempt) current = undefined;
      });
    }
    return current;
  };

  const discard = async (stale: Promise<Connection>): Promise<void> => {
    if (current === stale) current = undefined;
    const conn = await stale.catch(() => undefined);
    await conn?.client.close().catch(() => undefined);
  };

  /** Runs `op` on the shared session; on "session not found" once more on a fresh one. */
  const withSession = async <T>(
    what: string,
    call: CallOptions | undefined,
    op: (client: Client, signal: AbortSignal, timeout: number) => Promise<T>,
  ): Promise<T> => {
    const timeout = call?.timeoutMs ?? options.timeoutMs;
    const scope = callScope(timeout, call?.signal);
    const { signal } = scope;
    const attempt = async (): Promise<T> => {
      const pending = connection();
      const conn = await raceSignal(pending, signal);
      try {
        return await op(conn.client, signal, timeout);
      } catch (error) {
        if (isSessionLost(error)) await discard(pending);
        throw error;
      }
    };
    const started = Date.now();
    let outcome = 'ok';
    try {
      try {
        return await attempt();
      } catch (error) {
        if (!isSessionLost(error)) throw error;
        logger.warn('MCP session lost; reconnecting', { what });
        return await attempt();
      }
    } catch (error) {
      if (call?.signal?.aborted) throw call.signal.reason;
      const mapped = toMcpFailure(error, what, scope.isTimedOut());
      outcome = mapped instanceof AppError ? mapped.code : 'tool_error';
      logger.warn('MCP request failed', {
        what,
        code: outcome,
        ms: Date.now() - started,
        error,
      });
      throw mapped;
    } finally {
      scope.dispose();
      options.callSeconds?.observe((Date.now() - started) / 1000, { tool: what, outcome });
    }
  };

  return {
    async callTool(name, args, call) {
      const result = await withSession(name, call, (client, signal, timeout) =>
        client.callTool({ name, arguments: args }, undefined, { signal, timeout }),
      );
      const text = textOf(result.content);
      if (result.isError) throw new McpToolError(name, text || 'the tool reported an error without text');
      if (text === '' && result.structuredContent !== undefined) return result.structuredContent;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    },

    async listTools(call) {
      const tools: ToolInfo[] = [];
      let cursor: string | undefined;
      do {
        const page = await withSession('tools/list', call, (client, signal, timeout) =>
          client.listTools(cursor === undefined ? {} : { cursor }, { signal, timeout }),
        );
        for (const tool of page.tools) {
          tools.push({
            name: tool.name,
            ...(tool.description ? { description: tool.description } : {}),
            inputSchema: tool.inputSchema,
          });
        }
        cursor = page.nextCursor;
      } while (cursor);
      return tools;
    },

    async close() {
      isClosed = true;
      const last = current;
      current = undefined;
      const conn = await last?.catch(() => undefined);
      if (!conn) return;
      // Polite DELETE so the server can free the session; never let it hold up shutdown.
      await withTimeout(conn.transport.terminateSession(), 1000, () => new Error('session DELETE took too long')).catch(
        () => undefined,
      );
      await conn.client.close().catch(() => undefined);
    },
  };
}

/**
 * One call's abort signal: the caller's signal or the deadline, whichever comes first. A plain
 * controller whose timer and forwarding listener are removed when the call settles — the SDK
 * never removes the listener it adds, and a signal from `AbortSignal.any`/`timeout` stays alive
 * (with everything that listener reaches, a whole graph run) until it fires.
 */
function callScope(timeoutMs: number, outer: AbortSignal | undefined) {
  const controller = new AbortController();
  let isTimedOut = false;
  const timer = setTimeout(() => {
    isTimedOut = true;
    controller.abort(new AppError('timeout:mcp'));
  }, timeoutMs);
  const forward = () => controller.abort(outer?.reason);
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward, { once: true });
  return {
    signal: controller.signal,
    isTimedOut: () => isTimedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', forward);
    },
  };
}

function isSessionLost(error: unknown): boolean {
  if (error instanceof StreamableHTTPError && error.code === 404) return true;
  return error instanceof Error && /session not found/i.test(error.message);
}

function toMcpFailure(error: unknown, what: string, isTimedOut: boolean): Error {
  if (error instanceof AppError || error instanceof McpToolError) return error;
  if (isTimedOut || (error instanceof McpError && error.code === ErrorCode.RequestTimeout)) {
    return new AppError('timeout:mcp', undefined, { cause: error });
  }
  // A JSON-RPC error answered by the server (bad arguments, unknown method) is the peer speaking.
  if (error instanceof McpError && error.code !== ErrorCode.ConnectionClosed) {
    return new McpToolError(what, error.message);
  }
  // Refused connections, 5xx, 401/403 (bad credentials), unexpected content: the server is not usable.
  return new AppError('unavailable:mcp', undefined, { cause: error });
}

function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) =>
      typeof part === 'object' &&
      part !== null &&
      'type' in part &&
      part.type === 'text' &&
      'text' in part &&
      typeof part.text === 'string'
        ? part.text
        : '',
    )
    .join('');
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
