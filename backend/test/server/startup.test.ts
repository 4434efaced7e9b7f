import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeDataDir } from '../support/test-server.js';

const backendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('start-up', () => {
  it('stops with the name of an invalid setting and exit code 1', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: backendDir,
      env: { PATH: process.env.PATH, DATA_DIR: makeDataDir(), PORT: '0', OPENAI_BASE_URL: 'not a url with-sk-secret' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('OPENAI_BASE_URL: expected an http(s) URL');
    expect(result.stderr).not.toContain('sk-secret');
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });
});
