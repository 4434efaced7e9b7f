/**
 * The agent pool with real worker threads (a scripted agent on the real worker side): turns spread
 * over the workers, the main thread's ports answer the workers' calls (results, errors with their
 * codes, aborts crossing as messages), and a worker that dies fails only its own turn and is
 * replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAgentPool } from '../../../src/agent/pool/agent-pool.js';
import { spawnModuleWorker } from '../../../src/agent/pool/spawn-worker.js';
import type { TicketRef } from '../../../src/contract/index.js';
import { AppError } from '../../../src/shared/errors.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { TicketGatewayError, type JiraTickets } from '../../../src/tickets/ports.js';
import type { SupportAgent } from '../../../src/chat/ports.js';

const WORKER = new URL('./scripted-worker.ts', import.meta.url);
const user = { name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };
const turn = (text: string, conversationId = 'c1') => ({
  conversationId,
  messageId: `m-${Math.random()}`,
  text,
  user,
  owner: user.email,
});

let pool: SupportAgent | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function ticketsWith(overrides: Partial<JiraTickets>): JiraTickets {
  const none = () => Promise.reject(new Error('not scripted'));
  return { create: none, findOpen: none, addComment: none, get: none, listOpen: none, ...overrides };
}

async function startPool(tickets: JiraTickets, size = 2) {
  pool = await createAgentPool({
    size,
    spawn: () => spawnModuleWorker(WORKER, {}),
    ports: {
      tickets,
      transcripts: { transcript: async (id) => [{ role: 'user', text: `first words of ${id}`, at: '' }] },
    },
    logger: silentLogger,
    restartDelayMs: 10,
  });
  return pool;
}

describe('agent pool on worker threads', () => {
  it('runs turns on the workers, the busiest last', async () => {
    const agent = await startPool(ticketsWith({}));
    const replies = await Promise.all(['a', 'b', 'c', 'd'].map((t) => agent.reply(turn(t, t))));
    expect(replies.map((r) => r.text.split(' from ')[0])).toEqual(['echo a', 'echo b', 'echo c', 'echo d']);
    const threads = new Set(replies.map((r) => r.text.split(' from ')[1]));
    expect(threads.size).toBe(2);
    expect((await agent.reply(turn('transcript', 'c9'))).text).toBe('first words of c9');
  });

  it("answers a worker's ticket call from the main thread, and its failure keeps class and code", async () => {
    const ticket: TicketRef = { key: 'IT-7', url: 'http://desk/browse/IT-7', status: 'Open' } as TicketRef;
    let created = 0;
    const agent = await startPool(
      ticketsWith({
        create: async () => {
          created += 1;
          if (created > 1) throw new TicketGatewayError('transient', 'desk down');
          return ticket;
        },
      }),
    );
    const first = await agent.reply(turn('ticket'));
    expect(first).toEqual({ text: 'created IT-7', ticket });
    const failure = await agent.reply(turn('ticket')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(TicketGatewayError);
    expect((failure as TicketGatewayError).code).toBe('transient');
    expect(await agent.ticketCreated('c1', ticket, 'e1')).toEqual({ text: 'learned IT-7' });
  });

  it('aborts the main-thread call when the signal in the worker aborts', async () => {
    let abortedOnMain = false;
    const agent = await startPool(
      ticketsWith({
        findOpen: (_reporter, _category, options) =>
          new Promise((_resolve, reject) =>
            options?.signal?.addEventListener('abort', () => {
              abortedOnMain = true;
              reject(Object.assign(new Error('aborted'), { name: 'AbortError' }));
            }),
          ),
      }),
    );
    expect((await agent.reply(turn('lookup'))).text).toBe('lookup: AbortError');
    expect(abortedOnMain).toBe(true);
  });

  it('passes an AppError from the worker with its code and the words meant for the employee', async () => {
    const agent = await startPool(ticketsWith({}));
    const error = await agent.reply(turn('refuse')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).toPayload()).toEqual({ code: 'bad_request:scripted', message: 'You said refuse.' });
  });

  it('fails only the turn of a worker that dies, and runs later turns on its replacement', async () => {
    const agent = await startPool(ticketsWith({}), 1);
    const crashed = await agent.reply(turn('crash')).catch((e: unknown) => e);
    expect(crashed).toBeInstanceOf(AppError);
    expect((crashed as AppError).code).toBe('internal:agent');
    let after: string | undefined;
    for (let i = 0; i < 50 && !after; i++) {
      after = await agent.reply(turn('hello')).then(
        (r) => r.text,
        () => undefined,
      );
      if (!after) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(after).toMatch(/^echo hello from \d+$/);
  });
});
