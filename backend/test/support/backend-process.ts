/**
 * The real entry point in a process of its own, on a free port (or the given one, as a replacement
 * replica behind a proxy takes its predecessor's) with a fresh temp DATA_DIR (or the given one) and
 * the test desk token: from the sources through tsx (as `npm start` runs it) or
 * from the compiled output (as the Docker image runs it). Resolves once `/healthz` answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../contract/mcp-atlassian-process.js';
import { makeDataDir, TEST_DESK_TOKEN } from './test-server.js';

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const COMPILED_MAIN = path.join(backendDir, 'dist', 'main.js');

export interface BackendProcess {
  url: string;
  port: number;
  dataDir: string;
  /** The last few thousand characters the process wrote, for failure messages. */
  output(): string;
  /** How the process ended (undefined while it runs): `code` 0 after a clean shutdown. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** SIGTERM, then SIGKILL if it has not exited within 5 s. */
  stop(): Promise<void>;
  /** SIGKILL: no shutdown work at all, as when a machine or container dies. */
  kill(): Promise<void>;
}

export async function startBackendProcess(
  options: { entry?: 'source' | 'compiled'; env?: Record<string, string>; dataDir?: string; port?: number } = {},
): Promise<BackendProcess> {
  const entry = options.entry ?? 'source';
  if (entry === 'compiled' && !fs.existsSync(COMPILED_MAIN))
    throw new Error(`${path.relative(backendDir, COMPILED_MAIN)} is missing: run \`npm run build -w backend\` first`);
  const args = entry === 'source' ? ['--import', 'tsx', path.join(backendDir, 'src', 'main.ts')] : [COMPILED_MAIN];
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? makeDataDir();
  const child = spawn(process.execPath, args, {
    cwd: backendDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DESK_TOKEN: TEST_DESK_TOKEN,
      LOG_LEVEL: 'error',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, url, () => output);
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  };
  const exit = () =>
    child.exitCode === null && child.signalCode === null
      ? undefined
      : { code: child.exitCode, signal: child.signalCode };
  return { url, port, dataDir, output: () => output, exit, stop: () => stopProcess(child), kill };
}

async function waitUntilHealthy(child: ChildProcess, url: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the backend exited with ${child.exitCode}: ${output()}`);
    const healthy = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`the backend was not healthy within 30 s: ${output()}`);
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
