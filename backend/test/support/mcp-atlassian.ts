/**
 * The real mcp-atlassian 0.23.1 from PyPI, installed once into a virtualenv under the repo's
 * ignored `.cache/` folder. `MCP_ATLASSIAN_BIN` points at an existing install instead.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MCP_ATLASSIAN_VERSION = '0.23.1';
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function ensureMcpAtlassian(): string {
  const configured = process.env.MCP_ATLASSIAN_BIN;
  if (configured) return configured;
  const venv = path.join(repoRoot, '.cache', `mcp-atlassian-${MCP_ATLASSIAN_VERSION}`);
  const bin = path.join(venv, 'bin', 'mcp-atlassian');
  if (fs.existsSync(bin)) return bin;
  try {
    fs.rmSync(venv, { recursive: true, force: true });
    execFileSync('python3', ['-m', 'venv', venv], { stdio: 'pipe' });
    execFileSync(path.join(venv, 'bin', 'pip'), ['install', '-q', `mcp-atlassian==${MCP_ATLASSIAN_VERSION}`], {
      stdio: 'pipe',
      timeout: 600_000,
    });
  } catch (error) {
    fs.rmSync(venv, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(
      `The real mcp-atlassian ${MCP_ATLASSIAN_VERSION} could not be installed into ${path.relative(repoRoot, venv)} ` +
        `(needs python3 ≥ 3.10 with venv and access to PyPI, or MCP_ATLASSIAN_BIN set): ${detail}`,
    );
  }
  return bin;
}
