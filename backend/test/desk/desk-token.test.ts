import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESK_TOKEN_FILE, resolveDeskToken, resolveSharedDeskToken } from '../../src/desk/desk-token.js';
import type { SharedSettings } from '../../src/desk/ports.js';

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-token-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('desk token', () => {
  it('uses the configured token and writes nothing', () => {
    const printed: string[] = [];
    expect(resolveDeskToken({ configured: 'configured-token-1234', dataDir: dir, print: (l) => printed.push(l) })).toBe(
      'configured-token-1234',
    );
    expect(printed).toEqual([]);
    expect(fs.existsSync(path.join(dir, DESK_TOKEN_FILE))).toBe(false);
  });

  it('generates a token once, saves it owner-only and prints it only the first time', () => {
    const printed: string[] = [];
    const dataDir = path.join(dir, 'nested', 'data');
    const first = resolveDeskToken({ dataDir, print: (l) => printed.push(l) });
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const file = path.join(dataDir, DESK_TOKEN_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(first);

    const second = resolveDeskToken({ dataDir, print: (l) => printed.push(l) });
    expect(second).toBe(first);
    expect(printed).toHaveLength(1);
  });

  it('replaces an empty token file', () => {
    fs.writeFileSync(path.join(dir, DESK_TOKEN_FILE), '\n');
    const token = resolveDeskToken({ dataDir: dir, print: () => undefined });
    expect(token.length).toBeGreaterThan(30);
    expect(fs.readFileSync(path.join(dir, DESK_TOKEN_FILE), 'utf8').trim()).toBe(token);
  });
});

describe('desk token shared through the database', () => {
  const settings = (): SharedSettings & { values: Map<string, string> } => {
    const values = new Map<string, string>();
    return {
      values,
      keepFirst: async (name, value) => {
        if (!values.has(name)) values.set(name, value);
        return values.get(name) as string;
      },
    };
  };

  it('generates one token for every replica and only the replica that stored it prints it', async () => {
    const shared = settings();
    const printed: string[] = [];
    const print = (line: string) => printed.push(line);
    const first = await resolveSharedDeskToken({ settings: shared, print });
    const second = await resolveSharedDeskToken({ settings: shared, print });
    expect(second).toBe(first);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(first);
  });

  it('uses the configured token and stores nothing', async () => {
    const shared = settings();
    expect(await resolveSharedDeskToken({ configured: 'configured-token-1234', settings: shared })).toBe(
      'configured-token-1234',
    );
    expect(shared.values.size).toBe(0);
  });
});
