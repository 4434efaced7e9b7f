/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temp dir, `pg_ctl start` on a free
 * loopback port with its unix socket in that dir, one database per `createDatabase`, and on
 * `stop()` the server stopped and the dir removed. Postgres refuses to run as root, so under root
 * the server runs as the `postgres` user (Debian's package creates it) and owns the dir.
 *
 * Without PostgreSQL the tests fail, saying what to install: they are never skipped.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../contract/mcp-atlassian-process.js';

const run = promisify(execFile);

export const INSTALL_POSTGRES =
  'PostgreSQL is not installed: the Postgres tests need its server binaries (initdb, pg_ctl). ' +
  'On Debian or Ubuntu: apt-get install -y postgresql';

export interface PostgresCluster {
  /** `postgres://…/<database>` on 127.0.0.1. */
  url(database: string): string;
  /** Creates a database (empty, or a copy of `template`, which must have no connections) and returns its URL. */
  createDatabase(name: string, options?: { template?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** The newest `/usr/lib/postgresql/<version>/bin` with initdb (Debian's layout), or `PG_BIN` when set. */
export function findPostgresBin(
  where: { root?: string; configured?: string | undefined } = { configured: process.env['PG_BIN'] },
): string {
  const { configured, root = '/usr/lib/postgresql' } = where;
  if (configured && fs.existsSync(path.join(configured, 'initdb'))) return configured;
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (newest === undefined) throw new Error(INSTALL_POSTGRES);
  return path.join(root, newest, 'bin');
}

/** Runs a Postgres binary, as the `postgres` user when we are root. */
async function runAsOwner(bin: string, args: string[]): Promise<void> {
  const isRoot = process.getuid?.() === 0;
  const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  try {
    await run(command, fullArgs, { timeout: 60_000 });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${path.basename(bin)} failed: ${stderr || stdout || String(error)}`);
  }
}

/** Under root, the cluster's dir belongs to the `postgres` user the server runs as. */
async function ownDir(dir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const id = async (flag: string) => Number((await run('id', [flag, 'postgres'])).stdout.trim());
  let uid: number;
  let gid: number;
  try {
    [uid, gid] = [await id('-u'), await id('-g')];
  } catch {
    throw new Error(`${INSTALL_POSTGRES} (its package creates the "postgres" user the server runs as under root)`);
  }
  fs.chownSync(dir, uid, gid);
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pg-test-'));
  await ownDir(dir);
  const data = path.join(dir, 'data');
  const port = await freePort();
  const user = 'helpdesk';
  try {
    await runAsOwner(path.join(bin, 'initdb'), ['-D', data, '-U', user, '-A', 'trust', '-E', 'UTF8', '--no-sync']);
    // Durability settings off: a test cluster is thrown away, and fsync makes each commit slow.
    const options = [
      `-p ${port}`,
      `-k ${dir}`,
      '-c listen_addresses=127.0.0.1',
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
    ].join(' ');
    await runAsOwner(path.join(bin, 'pg_ctl'), ['start', '-w', '-D', data, '-l', path.join(dir, 'log'), '-o', options]);
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string) => `postgres://${user}@127.0.0.1:${port}/${database}`;
  return {
    url,
    async createDatabase(name, options = {}) {
      const admin = new pg.Client({ connectionString: url('postgres') });
      await admin.connect();
      const quoted = (identifier: string) => `"${identifier.replace(/"/g, '')}"`;
      try {
        const template = options.template ? ` TEMPLATE ${quoted(options.template)}` : '';
        await admin.query(`CREATE DATABASE ${quoted(name)}${template}`);
      } finally {
        await admin.end();
      }
      return url(name);
    },
    async stop() {
      try {
        await runAsOwner(path.join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
