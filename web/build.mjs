// Builds the widget: web/src/index.ts → web/dist/helpdesk-chat.js (one IIFE file, so any page can
// load it with a plain script tag), plus everything in web/public. No network, about a second.
import { build } from 'esbuild';
import { cp, mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const dist = join(root, 'dist');

await mkdir(dist, { recursive: true });
await cp(join(root, 'public'), dist, { recursive: true });
await build({
  entryPoints: [join(root, 'src/index.ts')],
  outfile: join(dist, 'helpdesk-chat.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
});
const { size } = await stat(join(dist, 'helpdesk-chat.js'));
console.log(`built web/dist/helpdesk-chat.js (${Math.round(size / 1024)} KiB)`);
