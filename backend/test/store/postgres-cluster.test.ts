/** The Postgres tests fail, never skip, when the server binaries are missing, and say what to install. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findPostgresBin } from '../support/postgres-cluster.js';

describe('the throwaway Postgres cluster', () => {
  it('names the package to install when no server binaries are found', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-postgres-'));
    try {
      expect(() => findPostgresBin({ root: empty, configured: path.join(empty, 'nope') })).toThrow(
        /PostgreSQL is not installed.*apt-get install -y postgresql/,
      );
      expect(() => findPostgresBin({ root: path.join(empty, 'missing') })).toThrow(/apt-get install -y postgresql/);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  it('takes the newest version installed', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'postgres-versions-'));
    try {
      for (const version of ['9', '15', '13']) {
        fs.mkdirSync(path.join(root, version, 'bin'), { recursive: true });
        fs.writeFileSync(path.join(root, version, 'bin', 'initdb'), '');
      }
      expect(findPostgresBin({ root })).toBe(path.join(root, '15', 'bin'));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
