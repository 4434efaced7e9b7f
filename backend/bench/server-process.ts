/**
 * Starts a server under test as its own Node process (`children/product.ts` or `children/echo.ts`)
 * so its CPU time and memory are its own, and asks it for them over IPC. The product gets a fresh
 * temp DATA_DIR; its stderr (warnings such as MaxListenersExceededWarning) is kept and counted.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChildMessage, ParentMessage, StatsMessage } from './children/ipc.js';

const here = path.dirname(fileURLToPath(import.meta.url));

export type ServerKind = 'product' | 'echo';

export interface ServerStats {
  cpuMicros: number;
  rss: number;
  heapUsed: number;
}

export interface ServerProcess {
  kind: ServerKind;
  url: string;
  deskToken: string | undefined;
  dataDir: string | undefined;
  stats(options?: { gc?: boolean }): Promise<ServerStats>;
  /** Bytes of every file under DATA_DIR (SQLite database, WAL, desk files); 0 for the echo server. */
  dataBytes(): number;
  stderrLines(): string[];
  stop(): Promise<void>;
}

export function dirBytes(dir: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    total += entry.isDirectory() ? dirBytes(full) : fs.statSync(full).size;
  }
  return total;
}

function waitForReady(child: ChildProcess, stderr: string[]) {
  return new Promise<{ url: string; deskToken: string | undefined }>((resolve, reject) => {
    const onMessage = (message: ChildMessage) => {
      if (message.type !== 'ready') return;
      child.off('message', onMessage);
      resolve(message);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('\n').slice(0, 2000)}`)));
  });
}

/** BENCH_CPU_PROF=<dir>: the product writes a V8 CPU profile there when it stops (`node --cpu-prof`). */
function profileArgs(kind: ServerKind): string[] {
  const dir = process.env.BENCH_CPU_PROF;
  return dir && kind === 'product' ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(dir)}`] : [];
}

export async function startServerProcess(kind: ServerKind, options: { raiseLimits?: boolean } = {}) {
  const dataDir = kind === 'product' ? fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-bench-')) : undefined;
  const deskToken = process.env.DESK_TOKEN ?? `bench-${randomBytes(12).toString('hex')}`;
  const child = fork(path.join(here, 'children', `${kind}.ts`), options.raiseLimits ? ['--raise-limits'] : [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...profileArgs(kind)],
    env: { ...process.env, DATA_DIR: dataDir ?? '', DESK_TOKEN: deskToken },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const stderr: string[] = [];
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => stderr.push(...chunk.split('\n').filter(Boolean)));
  const ready = await waitForReady(child, stderr);
  let nextId = 0;
  const stats = (request: { gc?: boolean } = {}) =>
    new Promise<ServerStats>((resolve) => {
      const id = ++nextId;
      const onMessage = (message: ChildMessage) => {
        if (message.type !== 'stats' || message.id !== id) return;
        child.off('message', onMessage);
        const { cpuMicros, rss, heapUsed } = message as StatsMessage;
        resolve({ cpuMicros, rss, heapUsed });
      };
      child.on('message', onMessage);
      child.send({ type: 'stats', id, ...request } satisfies ParentMessage);
    });
  const server: ServerProcess = {
    kind,
    url: ready.url,
    deskToken: ready.deskToken,
    dataDir,
    stats,
    dataBytes: () => (dataDir ? dirBytes(dataDir) : 0),
    stderrLines: () => stderr,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' } satisfies ParentMessage);
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
