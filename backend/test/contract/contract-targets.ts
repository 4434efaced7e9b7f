/**
 * The two MCP servers the contract suite runs against, each in front of a real backend: the
 * backend's own `/desk/mcp`, and the real mcp-atlassian 0.23.1 pointed at that backend's
 * `/desk` Jira REST, with the backend's MCP client (`MCP_ATLASSIAN_URL`) pointing at it.
 */
import type { ToolClient } from '../../src/mcp/ports.js';
import { createMcpToolClient } from '../../src/mcp/mcp-tool-client.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startTestServer, TEST_DESK_TOKEN } from '../support/test-server.js';
import { createMcpAtlassianProcess, freePort, type AuthStyle } from './mcp-atlassian-process.js';

export type ServerTestOptions = NonNullable<Parameters<typeof startTestServer>[2]>;

export interface ContractStack {
  backend: Awaited<ReturnType<typeof startTestServer>>;
  mcpUrl: string;
  /** What our client sends: the desk wants its token; mcp-atlassian depends on the auth style. */
  headers: Record<string, string>;
  /** `true` when the MCP server itself can be stopped (the desk lives inside the backend). */
  canStop: boolean;
  client(headers?: Record<string, string>): ToolClient;
  stopMcp(): Promise<void>;
  startMcp(): Promise<void>;
  close(): Promise<void>;
}

export interface ContractTarget {
  name: string;
  auth: AuthStyle | 'desk';
  setup(env?: Record<string, string>, options?: ServerTestOptions): Promise<ContractStack>;
}

/** Tool clients for one MCP URL, with the stack's headers unless told otherwise; all closed together. */
function toolClients(mcpUrl: string, headers: Record<string, string>) {
  const clients: ToolClient[] = [];
  return {
    client(h = headers): ToolClient {
      const c = createMcpToolClient({ url: mcpUrl, headers: h, timeoutMs: 20_000, logger: silentLogger });
      clients.push(c);
      return c;
    },
    closeAll: () => Promise.all(clients.map((c) => c.close())),
  };
}

export const deskTarget: ContractTarget = {
  name: 'the local desk (/desk/mcp)',
  auth: 'desk',
  async setup(env = {}, options: ServerTestOptions = { logger: silentLogger }) {
    const backend = await startTestServer(undefined, env, options);
    const mcpUrl = `${backend.url}/desk/mcp`;
    const headers = { Authorization: `Bearer ${TEST_DESK_TOKEN}` };
    const { client, closeAll } = toolClients(mcpUrl, headers);
    return {
      backend,
      mcpUrl,
      headers,
      canStop: false,
      client,
      stopMcp: async () => undefined,
      startMcp: async () => undefined,
      async close() {
        await closeAll();
        await backend.close();
      },
    };
  },
};

export function realTarget(auth: AuthStyle): ContractTarget {
  return {
    name: `mcp-atlassian 0.23.1 (${auth})`,
    auth,
    async setup(env = {}, options: ServerTestOptions = { logger: silentLogger }) {
      const [backendPort, mcpPort] = [await freePort(), await freePort()];
      const backendUrl = `http://127.0.0.1:${backendPort}`;
      const mcpUrl = `http://127.0.0.1:${mcpPort}/mcp`;
      const backend = await startTestServer(
        undefined,
        {
          PORT: String(backendPort),
          MCP_ATLASSIAN_URL: mcpUrl,
          JIRA_URL: `${backendUrl}/desk`,
          ...(auth === 'token-header' ? { MCP_ATLASSIAN_TOKEN: TEST_DESK_TOKEN } : {}),
          ...env,
        },
        options,
      );
      const real = await createMcpAtlassianProcess({
        jiraUrl: `${backendUrl}/desk`,
        token: TEST_DESK_TOKEN,
        auth,
        port: mcpPort,
      });
      await real.start();
      const headers: Record<string, string> =
        auth === 'token-header' ? { Authorization: `Token ${TEST_DESK_TOKEN}` } : {};
      const { client, closeAll } = toolClients(mcpUrl, headers);
      return {
        backend,
        mcpUrl,
        headers,
        canStop: true,
        client,
        stopMcp: () => real.stop(),
        startMcp: () => real.start(),
        async close() {
          await closeAll();
          await backend.close();
          await real.stop();
        },
      };
    },
  };
}

export const CONTRACT_TARGETS: ContractTarget[] = [
  deskTarget,
  realTarget('global-fallback'),
  realTarget('token-header'),
];
