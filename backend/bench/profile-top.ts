/**
 * `npx tsx bench/profile-top.ts <file.cpuprofile> [n]`: the top frames of a V8 CPU profile (the
 * product's, written with BENCH_CPU_PROF=<dir> npm run bench): self time by function and by
 * package, as shares of busy (non-idle) time.
 */
import fs from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

const [file, count = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/profile-top.ts <file.cpuprofile> [n]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };

const IDLE = new Set(['(idle)', '(program)', '(root)']);
const byFunction = new Map<string, number>();
const byPackage = new Map<string, number>();
let busy = 0;

function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match?.[1]) return match[1];
  if (url.includes('/src/')) return 'product (src/)';
  if (url.startsWith('node:')) return 'node core';
  return url === '' ? '(native / vm)' : 'other';
}

for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  const { functionName, url, lineNumber } = node.callFrame;
  if (hits === 0 || IDLE.has(functionName)) continue;
  busy += hits;
  const where = url ? `${url.replace(/^.*node_modules\//, '').replace(/^.*\/src\//, 'src/')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${where}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  const pkg = functionName === '(garbage collector)' ? '(garbage collector)' : packageOf(url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + hits);
}

const top = (map: Map<string, number>, n: number) =>
  [...map.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, hits]) => `  ${((100 * hits) / busy).toFixed(1).padStart(5)} %  ${key}`)
    .join('\n');

console.log(
  `busy samples: ${busy}\n\nby package\n${top(byPackage, 15)}\n\nby function (self)\n${top(byFunction, Number(count))}`,
);
