/**
 * The local desk's access token: `DESK_TOKEN` when set, else the one saved in the data folder,
 * else a new random one, saved with mode 0600 and printed once. The print goes to stdout as a
 * plain line, never through the logger: log pipelines keep lines forever, and the logger would
 * (rightly) redact it anyway.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export interface ResolveDeskTokenOptions {
  configured?: string | undefined;
  dataDir: string;
  print?: (line: string) => void;
}

export const DESK_TOKEN_FILE = 'desk-token';

export function resolveDeskToken(options: ResolveDeskTokenOptions): string {
  const configured = options.configured?.trim();
  if (configured) return configured;

  const file = path.join(options.dataDir, DESK_TOKEN_FILE);
  const saved = readToken(file);
  if (saved) return saved;

  fs.mkdirSync(options.dataDir, { recursive: true });
  const token = randomBytes(32).toString('base64url');
  try {
    // `wx`: if another process wrote the file first, use its token rather than overwrite it.
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const winner = readToken(file);
    if (winner) return winner;
    // An empty file (a crash mid-write): replace it.
    fs.writeFileSync(file, `${token}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  print(`Local desk token (saved in ${file}; shown only this once): ${token}`);
  return token;
}

function readToken(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
