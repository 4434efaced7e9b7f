/**
 * The local desk's access token: `DESK_TOKEN` when set, else the one saved in the data folder (or,
 * with Postgres, in the database every replica shares), else a new random one, saved (the file
 * with mode 0600) and printed once. The print goes to stdout as a
 * plain line, never through the logger: log pipelines keep lines forever, and the logger would
 * (rightly) redact it anyway.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SharedSettings } from './ports.js';

export interface ResolveDeskTokenOptions {
  configured?: string | undefined;
  dataDir: string;
  print?: (line: string) => void;
}

export const DESK_TOKEN_FILE = 'desk-token';

const newToken = () => randomBytes(32).toString('base64url');
const printLine = (line: string) => void process.stdout.write(`${line}\n`);

export function resolveDeskToken(options: ResolveDeskTokenOptions): string {
  const configured = options.configured?.trim();
  if (configured) return configured;

  const file = path.join(options.dataDir, DESK_TOKEN_FILE);
  const saved = readToken(file);
  if (saved) return saved;

  fs.mkdirSync(options.dataDir, { recursive: true });
  const token = newToken();
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
  const print = options.print ?? printLine;
  print(`Local desk token (saved in ${file}; shown only this once): ${token}`);
  return token;
}

/**
 * With Postgres: replicas start with empty data folders and must share one token, so it is kept
 * in the database; the first replica to store one wins, and only it prints the token.
 */
export async function resolveSharedDeskToken(options: {
  configured?: string | undefined;
  settings: SharedSettings;
  print?: (line: string) => void;
}): Promise<string> {
  const configured = options.configured?.trim();
  if (configured) return configured;
  const candidate = newToken();
  const token = await options.settings.keepFirst(DESK_TOKEN_SETTING, candidate);
  if (token === candidate) {
    (options.print ?? printLine)(`Local desk token (saved in the database; shown only this once): ${token}`);
  }
  return token;
}

export const DESK_TOKEN_SETTING = 'desk_token';

function readToken(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim() || undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
