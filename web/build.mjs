// Builds the widget: web/src/index.ts → web/dist/helpdesk-chat.js (one IIFE file, so any page can
// load it with a plain script tag), plus everything in web/public. No network, about a second.
import { build } from 'esbuild';
import { cp, mkdir, readdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');
const bundle = join(dist, 'helpdesk-chat.js');

/** Newest modification time of the files under `dir` (0 when it does not exist). */
async function newest(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const times = await Promise.all(
    entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).mtimeMs),
  );
  return Math.max(0, ...times);
}

// `--if-stale` (npm start): skip the build when the bundle is newer than every source file.
if (process.argv.includes('--if-stale')) {
  const built = await stat(bundle).then(
    (s) => s.mtimeMs,
    () => 0,
  );
  const sources = Math.max(await newest(join(root, 'src')), await newest(join(root, 'public')));
  if (built > sources) {
    console.log('web/dist/helpdesk-chat.js is up to date');
    process.exit(0);
  }
}

await mkdir(dist, { recursive: true });
await cp(join(root, 'public'), dist, { recursive: true });
await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: bundle,
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
const { size } = await stat(bundle);
console.log(`built web/dist/helpdesk-chat.js (${Math.round(size / 1024)} KiB)`);
