/**
 * The shared sample files. Copies live next to the tests so a clean clone runs them; when the
 * team's shared samples folder sits beside the repository, the copies must still match it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const sharedSamplesDir = path.resolve(here, '../../../../shared/samples');

export function readSampleLines<T>(fixturePath: string): T[] {
  return fs
    .readFileSync(fixturePath, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** The shared original of a fixture, when that folder exists on this machine. */
export function sharedOriginal(fileName: string): string | undefined {
  const file = path.join(sharedSamplesDir, fileName);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}
