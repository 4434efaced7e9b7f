/**
 * Debian's nginx running the very file docker-compose.yml mounts (deploy/proxy/nginx.conf), with
 * only its listen port and its upstream line swapped for loopback ports, and the same command line
 * as the compose service. A missing nginx is a failure that says how to install it, never a skip.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../contract/mcp-atlassian-process.js';
import { stopProcess } from '../support/backend-process.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PROXY_CONFIG = path.join(repoRoot, 'deploy', 'proxy', 'nginx.conf');

const LISTEN_LINE = /^(\s*)listen 8080;$/m;
const UPSTREAM_LINE = /^(\s*)server backend:3000( [^;]*)?;$/m;

export function findNginx(): string {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin'];
  const found = dirs.map((dir) => path.join(dir, 'nginx')).find((file) => fs.existsSync(file));
  if (!found)
    throw new Error(
      "nginx is missing: the proxy test runs Debian's nginx with deploy/proxy/nginx.conf. " +
        'Install it with `apt-get install -y nginx` (.ci/run does).',
    );
  return found;
}

/** The compose file's proxy config for this machine: the same text but two lines. */
export function renderProxyConfig(template: string, listenPort: number, upstreamPorts: number[]): string {
  if (!LISTEN_LINE.test(template) || !UPSTREAM_LINE.test(template))
    throw new Error(
      `${path.relative(repoRoot, PROXY_CONFIG)} has no \`listen 8080;\` or no \`server backend:3000 …;\` line: ` +
        'the test substitutes exactly those two',
    );
  return template
    .replace(LISTEN_LINE, `$1listen 127.0.0.1:${listenPort};`)
    .replace(UPSTREAM_LINE, (_line, indent: string, params: string | undefined) =>
      upstreamPorts.map((port) => `${indent}server 127.0.0.1:${port}${params ?? ''};`).join('\n'),
    );
}

export interface NginxProxy {
  url: string;
  /** What nginx wrote (access log on stdout, errors on stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export async function startNginxProxy(upstreamPorts: number[]): Promise<NginxProxy> {
  const nginx = findNginx();
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-proxy-'));
  const config = path.join(prefix, 'nginx.conf');
  fs.writeFileSync(config, renderProxyConfig(fs.readFileSync(PROXY_CONFIG, 'utf8'), port, upstreamPorts));
  // stdout is a file, not a pipe: node's pipes are sockets, and nginx cannot open /dev/stdout
  // (the access log) on a socket, while it can on the pipe or terminal Docker gives it.
  const accessLog = path.join(prefix, 'stdout.log');
  const stdoutFd = fs.openSync(accessLog, 'a');
  // The compose service's command line, with the temp folder as the prefix.
  const child = spawn(nginx, ['-p', `${prefix}/`, '-c', config, '-e', 'stderr', '-g', 'daemon off;'], {
    stdio: ['ignore', stdoutFd, 'pipe'],
  });
  fs.closeSync(stdoutFd);
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-4000);
  });
  const output = () => `${errors}${fs.existsSync(accessLog) ? fs.readFileSync(accessLog, 'utf8').slice(-2000) : ''}`;
  const spawnFailed = new Promise<never>((_resolve, reject) => child.once('error', reject));
  spawnFailed.catch(() => undefined);
  const stop = async () => {
    await stopProcess(child);
    fs.rmSync(prefix, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with ${child.exitCode}: ${output()}`);
    const answered = await Promise.race([
      fetch(`${url}/healthz`).then(
        (r) => r.ok,
        () => false,
      ),
      spawnFailed,
    ]);
    if (answered) return { url, output, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`nginx did not answer /healthz within 10 s: ${output()}`);
}
