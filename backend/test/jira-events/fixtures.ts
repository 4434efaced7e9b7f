/** Captured-shape Jira webhook payloads (hand-written from Atlassian's documented shapes). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export type Fixture =
  'comment-created-wiki' | 'comment-created-adf' | 'comment-created-datacenter' | 'issue-updated-status';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests edit fixtures freely, deep inside
export type Payload = Record<string, any>;

/** A fresh copy, with the issue key (and anything else) changed by `edit`. */
export function loadFixture(name: Fixture, edit: (payload: Payload) => void = () => undefined) {
  const payload = JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), 'utf8')) as Payload;
  edit(payload);
  return payload;
}
