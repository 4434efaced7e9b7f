/**
 * Runs the real mcp-atlassian 0.23.1 (installed by support/mcp-atlassian.ts) as a child process
 * with `--transport streamable-http` and an `--env-file`, and waits for its `/healthz`. It can be
 * stopped and started again on the same port, to play "the MCP server is down".
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ensureMcpAtlassian } from '../support/mcp-atlassian.js';

export const CONTRACT_TOOLS = ['jira_create_issue', 'jira_get_issue', 'jira_add_comment', 'jira_search'];

export type AuthStyle = 'global-fallback' | 'token-header';

export interface McpAtlassianProcess {
  /** `http://127.0.0.1:<port>/mcp` */
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * `global-fallback`: the PAT is in the env file and ALLOW_GLOBAL_CRED_FALLBACK=true, so a client
 * without credentials is served. `token-header`: no global credentials; each request carries
 * `Authorization: Token <PAT>` (ATLASSIAN_OAUTH_ENABLE makes Jira count as configured without any).
 */
export async function createMcpAtlassianProcess(options: {
  jiraUrl: string;
  token: string;
  auth: AuthStyle;
  port?: number;
}): Promise<McpAtlassianProcess> {
  const bin = ensureMcpAtlassian();
  const port = options.port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-atlassian-'));
  const envFile = path.join(dir, 'mcp-atlassian.env');
  const lines = [
    `JIRA_URL=${options.jiraUrl}`,
    'FASTMCP_CHECK_FOR_UPDATES=off',
    `ENABLED_TOOLS=${CONTRACT_TOOLS.join(',')}`,
    ...(options.auth === 'global-fallback'
      ? [`JIRA_PERSONAL_TOKEN=${options.token}`, 'ALLOW_GLOBAL_CRED_FALLBACK=true']
      : ['ATLASSIAN_OAUTH_ENABLE=true']),
  ];
  fs.writeFileSync(envFile, `${lines.join('\n')}\n`, { mode: 0o600 });
  let child: ChildProcess | undefined;
  let output = '';

  const start = async () => {
    output = '';
    child = spawn(bin, ['--transport', 'streamable-http', '--port', String(port), '--env-file', envFile], {
      // Only PATH from the parent: no stray Atlassian settings from the developer's shell.
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`mcp-atlassian exited: ${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        await res.body?.cancel();
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`mcp-atlassian did not become healthy: ${output}`);
  };

  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGTERM');
    const timer = setTimeout(() => running.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };

  return { url: `http://127.0.0.1:${port}/mcp`, start, stop };
}
