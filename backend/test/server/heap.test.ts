/**
 * No retained per-call objects (issue 11): after 1,000 full escalations (opener → steps → offer →
 * confirm → ticket over real MCP HTTP), the server's heap after a full GC is about what it was
 * after the first 200. Each escalation used to keep ~100 KB alive (an abort listener the MCP SDK
 * never removed held the whole LangGraph run), so 800 more would have added ~80 MiB.
 */
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { connect, createTicketThroughChat, makeDataDir, startTestServer } from '../support/test-server.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const openers = [
  'Outlook keeps asking for my password',
  'Teams shows a white screen on startup',
  'VPNに接続できません',
  'the printer on 3F says paper jam but nothing is stuck',
];

async function heapAfterGc(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return process.memoryUsage().heapUsed;
}

describe('heap across escalations', () => {
  let server: RunningServer | undefined;
  afterAll(async () => server?.close());

  it('does not grow across 1,000 escalations after GC', async () => {
    server = await startTestServer(makeDataDir());
    let started = 0;
    const escalateUntil = async (until: number) => {
      const worker = async () => {
        while (started < until) {
          const n = started++;
          // Spread over loopback addresses: one address may send 1,500 messages per 30 s.
          const user = { name: `E ${n}`, email: `e${n}@example.com` };
          const { socket } = await connect(server!.url, { user }, { localAddress: `127.0.0.${2 + (n % 50)}` });
          try {
            await createTicketThroughChat(socket, openers[n % openers.length]!);
          } finally {
            socket.close();
          }
        }
      };
      await Promise.all(Array.from({ length: 8 }, worker));
    };
    await escalateUntil(200);
    const warm = await heapAfterGc();
    await escalateUntil(1000);
    const after = await heapAfterGc();
    const grownMiB = (after - warm) / 2 ** 20;
    console.info(
      `heap after GC: ${(warm / 2 ** 20).toFixed(1)} MiB after 200 escalations, +${grownMiB.toFixed(1)} MiB after 1,000`,
    );
    expect(grownMiB, `heap grew ${grownMiB.toFixed(1)} MiB over 800 escalations`).toBeLessThan(20);
  }, 300_000);
});
