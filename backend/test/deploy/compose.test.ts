/**
 * There is no Docker engine on the build machines, so docker-compose.yml is checked statically:
 * `npm run lint` runs dclint on it (Compose Specification schema and dclint's rules); this checks
 * what the schema cannot — cross-references between the services, the env templates, the proxy
 * config, the Dockerfile and what the code and the tests expect. proxy.test.ts and
 * compiled-server.test.ts run the proxy config and the image's entry point outside Docker.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CONTRACT_TOOLS } from '../contract/mcp-atlassian-process.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const serviceSchema = z.object({
  image: z.string().optional(),
  build: z.object({ context: z.string(), dockerfile: z.string() }).optional(),
  profiles: z.array(z.string()).optional(),
  command: z.array(z.string()).optional(),
  env_file: z.array(z.object({ path: z.string(), required: z.boolean() })).optional(),
  environment: z.record(z.string(), z.string()).optional(),
  depends_on: z.record(z.string(), z.object({ condition: z.string() })).optional(),
  volumes: z.array(z.string()).optional(),
  ports: z.array(z.string()).optional(),
  networks: z.union([z.array(z.string()), z.record(z.string(), z.object({ aliases: z.array(z.string()) }))]),
  healthcheck: z.object({ test: z.array(z.string()) }).optional(),
  deploy: z.object({ replicas: z.number() }).optional(),
});
const composeSchema = z.object({
  services: z.record(z.string(), serviceSchema),
  networks: z.record(z.string(), z.object({ internal: z.boolean().optional() })),
  volumes: z.record(z.string(), z.unknown()),
});

// Compose resolves YAML merge keys (`<<: *mcp-atlassian`), and so does dclint.
const compose = composeSchema.parse(parse(read('docker-compose.yml'), { merge: true }));
const service = (name: string) => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const networksOf = (name: string) => {
  const networks = service(name).networks;
  return Array.isArray(networks) ? networks : Object.keys(networks);
};
const envExample = (file: string) =>
  Object.fromEntries(
    [...read(file).matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map((m) => [m[1]!, m[2]!] as [string, string]),
  );

describe('docker-compose.yml: mcp-atlassian in two profiles', () => {
  const jira = service('mcp-atlassian');
  const demo = service('mcp-atlassian-demo');

  it('runs mcp-atlassian 0.23.1 over streamable HTTP where the backend looks for it', () => {
    for (const mcp of [jira, demo]) {
      expect(mcp.image).toBe('ghcr.io/sooperset/mcp-atlassian:0.23.1');
      expect(mcp.command?.join(' ')).toContain('--transport streamable-http --port 9000');
      expect(mcp.ports, 'no published port').toBeUndefined();
    }
    expect(service('backend').environment?.['MCP_ATLASSIAN_URL']).toBe('http://mcp-atlassian:9000/mcp');
    expect(demo.networks).toEqual({ back: { aliases: ['mcp-atlassian'] } });
    expect(networksOf('backend')).toContain('back');
  });

  it('limits both to the tools the contract suite checks', () => {
    for (const mcp of [jira, demo])
      expect(mcp.environment?.['ENABLED_TOOLS']?.split(',').sort()).toEqual([...CONTRACT_TOOLS].sort());
  });

  it('puts each in exactly one profile, and nothing else in any', () => {
    expect(jira.profiles).toEqual(['jira']);
    expect(demo.profiles).toEqual(['demo']);
    const profiled = Object.entries(compose.services).filter(([, s]) => s.profiles);
    expect(profiled.map(([name]) => name).sort()).toEqual(['mcp-atlassian', 'mcp-atlassian-demo']);
  });

  it('points the demo at the local desk as the contract suite does (token-header)', () => {
    const backendPort = service('backend').environment?.['PORT'];
    expect(demo.environment?.['JIRA_URL']).toBe(`http://backend:${backendPort}/desk`);
    expect(demo.environment?.['ATLASSIAN_OAUTH_ENABLE']).toBe('true');
    expect(demo.env_file, 'the demo has no credentials of its own').toBeUndefined();
    const settings = envExample('env/backend.demo.env.example');
    expect(settings['JIRA_URL']).toBe(`${settings['PUBLIC_URL']}/desk`);
    expect(Object.keys(settings)).toEqual(expect.arrayContaining(['DESK_TOKEN', 'MCP_ATLASSIAN_TOKEN']));
  });
});

describe('docker-compose.yml: backend replicas behind the proxy', () => {
  const backend = service('backend');
  const proxy = service('proxy');

  it('runs at least two replicas in token mode, each with a DATA_DIR of its own', () => {
    expect(backend.deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(backend.environment?.['AUTH_MODE']).toBe('${AUTH_MODE:-token}');
    const dataDir = backend.environment?.['DATA_DIR'];
    // An anonymous volume: a named one would be shared by every replica.
    expect(backend.volumes).toEqual([dataDir]);
    expect(Object.keys(backend.depends_on ?? {}).sort()).toEqual(['postgres', 'redis']);
  });

  it('publishes only the proxy, and keeps Postgres and Redis on internal networks', () => {
    const published = Object.entries(compose.services).filter(([, s]) => s.ports);
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    for (const name of ['postgres', 'redis', 'mcp-atlassian-demo'])
      for (const network of networksOf(name))
        expect(compose.networks[network]?.internal, `${name} on ${network}`).toBe(true);
    expect(networksOf('mcp-atlassian').filter((n) => !compose.networks[n]?.internal)).toEqual(['egress']);
  });

  it('mounts deploy/proxy/nginx.conf, listening where it publishes and proxying to the backend port', () => {
    const [mount] = proxy.volumes ?? [];
    const [source, target] = (mount ?? '').split(':');
    expect(source).toBe('./deploy/proxy/nginx.conf');
    expect(proxy.command).toEqual([
      'nginx',
      '-p',
      '/var/cache/nginx/',
      '-c',
      target,
      '-e',
      'stderr',
      '-g',
      'daemon off;',
    ]);
    const config = read('deploy/proxy/nginx.conf');
    const listen = /^\s*listen (\d+);$/m.exec(config)?.[1];
    expect(proxy.ports?.[0]).toMatch(new RegExp(`:${listen}$`));
    expect(config).toMatch(new RegExp(`^\\s*server backend:${backend.environment?.['PORT']} `, 'm'));
    expect(config).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(Object.keys(proxy.depends_on ?? {})).toEqual(['backend']);
  });
});

describe('docker-compose.yml: references and secrets', () => {
  it('refers only to services, networks, volumes and env templates that exist', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const dep of Object.keys(s.depends_on ?? {}))
        expect(compose.services, `${name} → ${dep}`).toHaveProperty(dep);
      for (const network of networksOf(name)) expect(compose.networks, `${name} → ${network}`).toHaveProperty(network);
      for (const mount of s.volumes ?? []) {
        const source = mount.split(':')[0]!;
        if (source.startsWith('./')) expect(fs.existsSync(path.join(root, source)), source).toBe(true);
        else if (mount.includes(':')) expect(compose.volumes, `${name} → ${source}`).toHaveProperty(source);
      }
      for (const file of s.env_file ?? [])
        expect(fs.existsSync(path.join(root, `${file.path}.example`)), file.path).toBe(true);
    }
  });

  it('has a healthcheck on every service (the backend: its image)', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      if (s.build) expect(read(s.build.dockerfile), name).toMatch(/^HEALTHCHECK /m);
      else expect(s.healthcheck, name).toBeDefined();
    }
  });

  it('takes no secret from the compose file itself', () => {
    for (const [name, s] of Object.entries(compose.services))
      for (const key of Object.keys(s.environment ?? {}))
        expect(key, `${name}.environment`).not.toMatch(/TOKEN|SECRET|PASSWORD|API_KEY/);
  });

  it('gives the backend templates Postgres and Redis URLs that match their services', () => {
    const postgres = envExample('env/postgres.env.example');
    expect(Object.keys(envExample('env/redis.env.example'))).toEqual(['REDIS_PASSWORD']);
    for (const file of ['env/backend.env.example', 'env/backend.demo.env.example']) {
      const settings = envExample(file);
      const database = new URL(settings['DATABASE_URL'] ?? '');
      expect([database.hostname, database.port, database.username, database.pathname], file).toEqual([
        'postgres',
        '5432',
        postgres['POSTGRES_USER'],
        `/${postgres['POSTGRES_DB']}`,
      ]);
      const redis = new URL(settings['REDIS_URL'] ?? '');
      expect([redis.protocol, redis.hostname, redis.port], file).toEqual(['redis:', 'redis', '6379']);
    }
  });

  it('documents every backend setting in env/backend.env.example', () => {
    const example = read('env/backend.env.example');
    const config = read('backend/src/config.ts');
    const names = [...config.matchAll(/^ {2}([A-Z][A-Z0-9_]+): /gm)].map((m) => m[1]!);
    expect(names.length).toBeGreaterThan(15);
    for (const name of names.filter((n) => n !== 'HOST'))
      expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, 'm'));
  });
});

describe('the image (Dockerfile)', () => {
  const dockerfile = read('Dockerfile');
  const finalStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds in one stage and runs the compiled backend as a non-root user in another', () => {
    expect(dockerfile.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    const outDir = JSON.parse(read('backend/tsconfig.build.json')).compilerOptions.outDir as string;
    expect(finalStage).toMatch(new RegExp(`^CMD \\["node", "backend/${outDir}/main\\.js"\\]$`, 'm'));
    expect(finalStage).not.toMatch(/tsx/);
    const user = /^USER (\S+)$/m.exec(finalStage)?.[1];
    expect(user).toBeDefined();
    expect(user).not.toMatch(/^(root|0)(:|$)/);
    expect(finalStage).toMatch(/^HEALTHCHECK /m);
  });
});

describe('dclint (npm run lint)', () => {
  it('validates against the Compose Specification schema: an unknown key fails', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helpdesk-dclint-'));
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(file, 'name: t\nservices:\n  web:\n    image: nginx:1.28\n    replica: 2\n');
    const run = spawnSync(path.join(root, 'node_modules', '.bin', 'dclint'), [file, '--max-warnings', '0'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('invalid-schema');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
