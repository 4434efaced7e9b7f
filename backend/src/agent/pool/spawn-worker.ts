/**
 * Starts a worker thread on one of our modules: the compiled `.js` as it is (the Docker image), or
 * the TypeScript source through tsx's loader (`npm start`, the tests), which a worker does not get
 * from its parent when that parent runs under another loader (vitest).
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

export function spawnModuleWorker(entry: URL, workerData: unknown): Worker {
  if (!fileURLToPath(entry).endsWith('.ts')) return new Worker(entry, { workerData });
  return new Worker(new URL('./tsx-boot.mjs', import.meta.url), { workerData, argv: [entry.href] });
}

/** `name`.js beside `here` when running compiled, `name`.ts when running the sources. */
export function siblingModule(here: string, name: string): URL {
  return new URL(`./${name}${here.endsWith('.ts') ? '.ts' : '.js'}`, here);
}
