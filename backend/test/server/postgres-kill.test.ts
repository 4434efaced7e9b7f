/**
 * An acknowledged "yes" is a promise on Postgres too: the server is killed with SIGKILL 0–50 ms
 * after the confirmation's ack and replaced by a process with an empty DATA_DIR on the same
 * database (as kill.test.ts does with SQLite on the same DATA_DIR); every run must end with
 * exactly one ticket on the desk, which the employee sees on reconnect.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketRef } from '../../src/contract/index.js';
import { mapPool } from '../../eval/pool.js';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { connect, deskSearch, troubleshootUntilOffer } from '../support/test-server.js';

const RUNS = 6;

describe('SIGKILL right after the confirmation is acknowledged, on Postgres', () => {
  let cluster: PostgresCluster;
  const processes: BackendProcess[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill()));
    for (const p of processes) fs.rmSync(p.dataDir, { recursive: true, force: true });
    await cluster?.stop();
  });

  const start = async (databaseUrl: string) => {
    const backend = await startBackendProcess({ env: { DATABASE_URL: databaseUrl } });
    processes.push(backend);
    return backend;
  };

  async function killedAfterYes(run: number): Promise<{ tickets: number; seen: TicketRef[] }> {
    const databaseUrl = await cluster.createDatabase(`kill_${run}`);
    const first = await start(databaseUrl);
    const user = { name: `Kim ${run}`, email: `kim${run}@example.com` };
    const { socket, session } = await connect(first.url, { user });
    await troubleshootUntilOffer(socket, 'Outlook cannot send email since this morning');
    const ack = await socket.emitWithAck('message:send', { text: 'Yes, create a ticket' });
    expect(ack.ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 51)));
    await first.kill();
    socket.close();

    const second = await start(databaseUrl);
    let seen: TicketRef[] = [];
    for (let i = 0; i < 100 && seen.length === 0; i++) {
      const again = await connect(second.url, { sessionToken: session.sessionToken });
      again.socket.close();
      seen = again.session.tickets;
      if (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const tickets = (await deskSearch(second.url, 'project = IT')).total;
    await second.kill();
    return { tickets, seen };
  }

  it(`ends every one of ${RUNS} runs with exactly one ticket the employee sees`, async () => {
    const outcomes = await mapPool(
      Array.from({ length: RUNS }, (_, i) => i),
      2,
      killedAfterYes,
    );
    expect(outcomes.map((o) => o.tickets)).toEqual(Array(RUNS).fill(1));
    expect(outcomes.map((o) => o.seen.length)).toEqual(Array(RUNS).fill(1));
  }, 600_000);
});
