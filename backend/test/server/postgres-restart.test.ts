/**
 * DATABASE_URL end to end: the real entry point in its own process on a throwaway Postgres, an
 * employee's socket.io conversation through to a ticket on the local desk, the process killed
 * (SIGKILL) and a new one started with an empty DATA_DIR — as a replacement replica starts — and
 * the history, the ticket and the desk's issue all there on reconnect.
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBackendProcess, type BackendProcess } from '../support/backend-process.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { connect, createTicketThroughChat, deskGet, employee, say, type ClientSocket } from '../support/test-server.js';

describe('the server on Postgres', () => {
  let cluster: PostgresCluster;
  const processes: BackendProcess[] = [];
  const sockets: ClientSocket[] = [];

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all(processes.map((p) => p.stop()));
    for (const p of processes) fs.rmSync(p.dataDir, { recursive: true, force: true });
    await cluster?.stop();
  });

  const start = async (databaseUrl: string) => {
    const backend = await startBackendProcess({ env: { DATABASE_URL: databaseUrl } });
    processes.push(backend);
    return backend;
  };

  it('keeps the conversation, its ticket and the desk when a killed server is replaced by one with an empty DATA_DIR', async () => {
    const databaseUrl = await cluster.createDatabase('restart');
    const first = await start(databaseUrl);
    const opened = await connect(first.url, { user: employee });
    sockets.push(opened.socket);
    const key = await createTicketThroughChat(opened.socket, 'My VPN disconnects every few minutes since Monday');
    const probe = await connect(first.url, { sessionToken: opened.session.sessionToken });
    probe.socket.close();
    const history = probe.session;
    opened.socket.close();
    await first.kill();
    // Nothing the service needs was written to the first DATA_DIR.
    expect(fs.readdirSync(first.dataDir).filter((f) => /sqlite|desk-token/.test(f))).toEqual([]);

    const second = await start(databaseUrl);
    expect(second.dataDir).not.toBe(first.dataDir);
    const again = await connect(second.url, { sessionToken: opened.session.sessionToken });
    sockets.push(again.socket);
    expect(again.session.conversationId).toBe(opened.session.conversationId);
    expect(again.session.messages).toEqual(history.messages);
    expect(again.session.messages.at(-1)?.ticket?.key).toBe(key);
    expect(again.session.tickets.map((t) => t.key)).toEqual([key]);
    const issue = await deskGet<{ key: string; fields: { labels: string[] } }>(second.url, `issue/${key}`);
    expect(issue.fields.labels).toContain('vpn');

    // The conversation goes on where it was: a second "yes" points to the same ticket, no second one.
    const reply = await say(again.socket, 'Yes, create a ticket');
    expect(reply.text).toContain(key);
    const search = await deskGet<{ total: number }>(second.url, `search?jql=${encodeURIComponent('project = IT')}`);
    expect(search.total).toBe(1);
    // Two processes start, a chat runs to a ticket: generous under a loaded machine.
  }, 120_000);
});
