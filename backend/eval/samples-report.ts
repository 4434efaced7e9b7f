/**
 * The second report line: the shared samples, read from the repository's own copies (the team's
 * shared folder is not available in CI). Openers must route to an accepted category; replies to an
 * offer must create a ticket exactly when the sample says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { connect, deskGet, isOffer, say } from '../test/support/test-server.js';
import { mapPool } from './pool.js';

const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test');
const OPENERS = path.join(testDir, 'knowledge/fixtures/category-openers.jsonl');
const REPLIES = path.join(testDir, 'agent/fixtures/confirmation-replies.jsonl');

function lines<T>(file: string): T[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

let employees = 0;
const auth = () => ({ user: { name: 'Sam Sample', email: `eval-sample-${process.pid}-${++employees}@example.com` } });
const isJapanese = (t: string) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(t);

async function openerRoutes(url: string, s: { text: string; accept: string[] }): Promise<boolean> {
  const { socket } = await connect(url, auth());
  try {
    const first = await say(socket, s.text);
    const offer = isOffer(first)
      ? first
      : await say(socket, isJapanese(s.text) ? 'チケットを作成してください' : 'create a ticket');
    const yes = offer.quickReplies?.[0];
    if (!isOffer(offer) || !yes) return false;
    const done = await say(socket, yes);
    if (!done.ticket) return false;
    const issue = await deskGet<{ fields: { labels?: string[] } }>(url, `issue/${done.ticket.key}`);
    return (issue.fields.labels ?? []).filter((l) => s.accept.includes(l)).length === 1;
  } finally {
    socket.close();
  }
}

async function replyRead(url: string, s: { text: string; expect: 'ticket' | 'none' }): Promise<boolean> {
  const { socket } = await connect(url, auth());
  const created: string[] = [];
  socket.on('ticket:created', (t) => created.push(t.key));
  try {
    let reply = await say(socket, 'Teams is not working');
    for (let i = 0; i < 8 && !isOffer(reply); i++) reply = await say(socket, 'still not working');
    if (!isOffer(reply)) return false;
    const answer = await say(socket, s.text);
    const made = created.length > 0 || answer.ticket !== undefined;
    return made === (s.expect === 'ticket');
  } finally {
    socket.close();
  }
}

const safely = async (run: () => Promise<boolean>) => run().catch(() => false);

/** One line: "shared samples (repo copies): openers a/b, offer replies c/d". */
export async function samplesReport(url: string): Promise<string> {
  const openers = lines<{ text: string; accept: string[] }>(OPENERS);
  const replies = lines<{ text: string; expect: 'ticket' | 'none' }>(REPLIES);
  const o = await mapPool(openers, 4, (s) => safely(() => openerRoutes(url, s)));
  const r = await mapPool(replies, 4, (s) => safely(() => replyRead(url, s)));
  const count = (xs: boolean[]) => `${xs.filter(Boolean).length}/${xs.length}`;
  return `shared samples (repository copies): openers routed ${count(o)}, offer replies read ${count(r)}`;
}
