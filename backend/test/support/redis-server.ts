/**
 * A throwaway Debian `redis-server` on a free loopback port, with nothing written to disk (the
 * compose service's `--save "" --appendonly no`). A missing redis-server is a failure that says
 * what to install, never a skip.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../contract/mcp-atlassian-process.js';
import { stopProcess } from './backend-process.js';

export interface RedisServer {
  url: string;
  port: number;
  /** SIGKILL, as a crash or a lost node looks to its clients. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export function findRedisServer(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/bin', '/usr/sbin', '/usr/local/bin'];
  const found = dirs.map((dir) => path.join(dir, 'redis-server')).find((file) => fs.existsSync(file));
  if (!found)
    throw new Error(
      "redis-server is missing: the REDIS_URL tests run Debian's Redis. " +
        'Install it with `apt-get install -y redis-server` (.ci/run does).',
    );
  return found;
}

/** Starts redis-server (on `port` when given, e.g. to bring one back where it was) and waits for PONG. */
export async function startRedisServer(port?: number): Promise<RedisServer> {
  const binary = findRedisServer();
  const chosen = port ?? (await freePort());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-redis-'));
  const child = spawn(
    binary,
    ['--port', String(chosen), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnFailed = new Promise<never>((_resolve, reject) => child.once('error', reject));
  spawnFailed.catch(() => undefined);
  const done = async (stop: (c: ChildProcess) => Promise<void>) => {
    await stop(child);
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const server: RedisServer = {
    url: `redis://127.0.0.1:${chosen}`,
    port: chosen,
    kill: () => done(killProcess),
    stop: () => done(stopProcess),
  };
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}: ${output}`);
    if (await Promise.race([answersPing(chosen), spawnFailed])) return server;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.kill();
  throw new Error(`redis-server did not answer PING within 10 s: ${output}`);
}

async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

/** One inline PING over a raw socket: true once the server answers `+PONG`. */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let reply = '';
    const finish = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(1000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
  });
}

/** Polls `/readyz` until its `redis` check reads `state` (the connection is made or lost in the background). */
export async function waitForRedisCheck(url: string, state: 'ok' | 'failing', timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    const body = await fetch(`${url}/readyz`).then(
      (r) => r.json() as Promise<{ checks?: Record<string, string> }>,
      (error: unknown) => ({ error: String(error), checks: undefined }),
    );
    if (body.checks?.['redis'] === state) return;
    last = JSON.stringify(body);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/readyz did not report redis: ${state} within ${timeoutMs} ms; last: ${last}`);
}
