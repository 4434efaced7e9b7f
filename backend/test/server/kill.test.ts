/**
 * An acknowledged "yes" is a promise (issue 10): the server process is killed with SIGKILL 0–50 ms
 * after the confirmation's ack, started again on the same DATA_DIR, and every run must end with
 * exactly one ticket on the desk that the employee sees on reconnect.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { TicketRef } from '../../src/contract/index.js';
import { mapPool } from '../../eval/pool.js';
import { connect, deskSearch, makeDataDir, TEST_DESK_TOKEN, troubleshootUntilOffer } from '../support/test-server.js';

const RUNS = 20;
const here = path.dirname(fileURLToPath(import.meta.url));
const main = path.resolve(here, '../../src/main.ts');

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** The real entry point, as `npm start` runs it, in its own process. */
async function startProcess(port: number, dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', main], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DESK_TOKEN: TEST_DESK_TOKEN,
      LOG_LEVEL: 'error',
    },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) return child;
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode} before it was healthy`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error('the server was not healthy within 30 s');
}

async function killedAfterYes(run: number): Promise<{ tickets: number; seen: TicketRef[] }> {
  const port = await freePort();
  const dataDir = makeDataDir();
  const url = `http://127.0.0.1:${port}`;
  let child = await startProcess(port, dataDir);
  const { socket, session } = await connect(url, { user: { name: `Kim ${run}`, email: `kim${run}@example.com` } });
  await troubleshootUntilOffer(socket, 'Outlook cannot send email since this morning');
  const ack = await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
  expect(ack.ok).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 51)));
  child.kill('SIGKILL');
  socket.close();
  await new Promise((resolve) => child.once('exit', resolve));

  child = await startProcess(port, dataDir);
  try {
    let seen: TicketRef[] = [];
    for (let i = 0; i < 100 && seen.length === 0; i++) {
      const again = await connect(url, { sessionToken: session.sessionToken });
      again.socket.close();
      seen = again.session.tickets;
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return { tickets: (await deskSearch(url, 'project = IT')).total, seen };
  } finally {
    child.kill('SIGKILL');
  }
}

describe('SIGKILL right after the confirmation is acknowledged', () => {
  it(`ends every one of ${RUNS} runs with exactly one ticket the employee sees`, async () => {
    const outcomes = await mapPool(
      Array.from({ length: RUNS }, (_, i) => i),
      3,
      killedAfterYes,
    );
    expect(outcomes.map((o) => o.tickets)).toEqual(Array(RUNS).fill(1));
    expect(outcomes.map((o) => o.seen.length)).toEqual(Array(RUNS).fill(1));
  }, 600_000);
});
