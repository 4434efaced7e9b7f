/**
 * Back-pressure (issue 11): turns beyond MAX_CONCURRENT_TURNS wait in arrival order, the employee
 * whose turn waits is told it is queued, and every queued turn is still answered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTurnLimiter } from '../../src/chat/turn-limiter.js';
import type { RunningServer } from '../../src/server.js';
import {
  connect,
  makeDataDir,
  say,
  startTestServer,
  troubleshootUntilOffer,
  type ClientSocket,
} from '../support/test-server.js';

describe('turn limiter', () => {
  it('runs at most the limit at once and hands free slots to waiting turns in arrival order', async () => {
    const limiter = createTurnLimiter(2);
    const queued: number[] = [];
    const leaves = await Promise.all([limiter.enter(() => queued.push(0)), limiter.enter(() => queued.push(1))]);
    const order: number[] = [];
    const third = limiter.enter(() => queued.push(2)).then((leave) => (order.push(2), leave));
    const fourth = limiter.enter(() => queued.push(3)).then((leave) => (order.push(3), leave));
    expect(queued).toEqual([2, 3]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 2]);
    leaves[1]!();
    leaves[1]!(); // freeing twice frees once
    const leaveThird = await third;
    expect(order).toEqual([2]);
    expect([limiter.running, limiter.waiting]).toEqual([2, 1]);
    leaveThird();
    (await fourth)();
    leaves[0]!();
    expect(order).toEqual([2, 3]);
    expect([limiter.running, limiter.waiting]).toEqual([0, 0]);
  });

  it('refuses a limit that is not a positive whole number', () => {
    expect(() => createTurnLimiter(0)).toThrow(/positive integer/);
    expect(() => createTurnLimiter(1.5)).toThrow(/positive integer/);
  });
});

describe('turns over MAX_CONCURRENT_TURNS', () => {
  let server: RunningServer | undefined;
  const sockets: ClientSocket[] = [];
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.close();
    await server?.close();
    server = undefined;
  });

  it('tells the employees whose turns wait that they are queued, and answers every one of them', async () => {
    server = await startTestServer(makeDataDir(), { MAX_CONCURRENT_TURNS: '1' });
    const employees = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        connect(server!.url, { user: { name: `E ${i}`, email: `e${i}@example.com` } }),
      ),
    );
    const openers = [
      'Outlook keeps asking for my password',
      'Teams の画面が真っ白です',
      'the 3F printer says paper jam',
    ];
    const queuedSeen = new Set<number>();
    for (const [i, { socket }] of employees.entries()) {
      sockets.push(socket);
      await troubleshootUntilOffer(socket, openers[i % openers.length]!);
      socket.on('typing', (payload) => {
        if (payload.queued) queuedSeen.add(i);
      });
    }
    // Six confirmations at once: each ticket is made over MCP (real HTTP), so the turns overlap.
    const replies = await Promise.all(employees.map(({ socket }) => say(socket, 'yes')));
    const keys = replies.map((reply) => reply.ticket?.key);
    expect(new Set(keys).size).toBe(6);
    for (const key of keys) expect(key).toMatch(/^IT-\d+$/);
    expect(queuedSeen.size).toBeGreaterThan(0);
  });
});
