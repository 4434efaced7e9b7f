/**
 * There is no Docker engine on the build machines, so docker-compose.yml is checked statically:
 * its shape, its cross-references (env files, volumes, depends_on, URLs between services) and
 * that it matches what the code expects.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.unknown().optional(),
  command: z.array(z.string()).optional(),
  env_file: z.array(z.object({ path: z.string(), required: z.boolean().optional() })).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  volumes: z.array(z.string()).optional(),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
});
const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  volumes: z.record(z.string(), z.unknown().nullable()).optional(),
});

const compose = composeSchema.parse(parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8')));
const backend = compose.services['backend']!;
const mcp = compose.services['mcp-atlassian']!;

describe('docker-compose.yml', () => {
  it('runs the backend and mcp-atlassian 0.23.1 over streamable HTTP', () => {
    expect(mcp.image).toBe('ghcr.io/sooperset/mcp-atlassian:0.23.1');
    expect(mcp.command?.join(' ')).toContain('--transport streamable-http --port 9000');
    expect(backend.environment?.['MCP_ATLASSIAN_URL']).toBe('http://mcp-atlassian:9000/mcp');
  });

  it('limits mcp-atlassian to the tools the bot calls', () => {
    const tools = mcp.environment?.['ENABLED_TOOLS']?.split(',').sort();
    expect(tools).toEqual(['jira_add_comment', 'jira_create_issue', 'jira_get_issue', 'jira_search']);
  });

  it('refers only to services, volumes and env examples that exist', () => {
    for (const [name, service] of Object.entries(compose.services)) {
      for (const dep of Object.keys(service.depends_on ?? {}))
        expect(compose.services, `${name} → ${dep}`).toHaveProperty(dep);
      for (const mount of service.volumes ?? []) {
        const source = mount.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/')) expect(compose.volumes ?? {}).toHaveProperty(source);
      }
      for (const file of service.env_file ?? []) {
        expect(fs.existsSync(path.join(root, `${file.path}.example`)), `${file.path}.example`).toBe(true);
      }
      expect(service.healthcheck, `${name} has a healthcheck`).toBeDefined();
    }
    expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
  });

  it('documents every backend setting in env/backend.env.example', () => {
    const example = fs.readFileSync(path.join(root, 'env/backend.env.example'), 'utf8');
    const config = fs.readFileSync(path.join(root, 'backend/src/config.ts'), 'utf8');
    const names = [...config.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names.filter((n) => n !== 'HOST'))
      expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});
