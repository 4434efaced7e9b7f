/**
 * The multi-turn suite (docs/conversations.md, issue 9): every scripted conversation in cases/
 * through the real socket on one shared server; each case uses its own employee, so they run
 * concurrently to keep the file fast on a small machine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases } from './case-schema.js';
import { runCase, startConversationServer } from './run-case.js';

const cases = loadCases();
let server: Awaited<ReturnType<typeof startConversationServer>>;

beforeAll(async () => {
  server = await startConversationServer();
});

afterAll(async () => {
  await server?.close();
});

describe('the suite itself', () => {
  it('holds at least 130 conversations, at least 55 in Japanese', () => {
    expect(cases.length).toBeGreaterThanOrEqual(130);
    expect(cases.filter((c) => c.lang === 'ja').length).toBeGreaterThanOrEqual(55);
  });
});

describe.concurrent('conversations', () => {
  it.each(cases.map((c) => [`${c.pattern} › ${c.id}`, c] as const))('%s', async (_name, c) => {
    const outcome = await runCase(server.url, c);
    expect(outcome.failures, outcome.failures.join('\n')).toEqual([]);
  });
});
