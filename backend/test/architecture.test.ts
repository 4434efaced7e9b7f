import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const layers = require(path.join(root, 'scripts/layers.cjs')) as string[][];

/** The "Layers" table of docs/architecture.md: `| <n> | \`a/\`, \`b/\` | … |`, top layer first. */
function documentedLayers(): string[][] {
  const doc = fs.readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| (\d) \| ([^|]+) \|/gm)];
  const byNumber = new Map(
    rows.map((m) => [Number(m[1]), [...(m[2] ?? '').matchAll(/`([a-z-]+)\/`/g)].map((f) => f[1])]),
  );
  return [...byNumber.keys()].sort((a, b) => a - b).map((n) => byNumber.get(n) as string[]);
}

describe('the layer order', () => {
  it('is the one docs/architecture.md shows', () => {
    expect(documentedLayers()).toEqual(layers);
  });

  it('places every folder of backend/src exactly once', () => {
    const folders = fs
      .readdirSync(path.join(root, 'backend/src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect([...layers.flat()].sort()).toEqual(folders);
  });
});
