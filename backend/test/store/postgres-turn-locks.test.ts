/**
 * A conversation's turns across replicas (issue 12): two chat services, each on its own pool of one
 * Postgres database as two replicas would be, never run two turns of one conversation at once, and
 * a replica that starts while another runs a pending turn waits for it and then skips it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChatService } from '../../src/chat/chat-service.js';
import type { SupportAgent } from '../../src/chat/ports.js';
import { silentLogger } from '../../src/shared/logger.js';
import { createMetrics } from '../../src/shared/metrics.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/postgres-stores.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';

const employee = { name: 'Aiko Tanaka', email: 'aiko@example.com' };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An agent whose replies take `ms`; `seen` lists the texts it answered, `mostAtOnce` the overlap. */
function slowAgent(ms: number, shared: { inside: number; mostAtOnce: number }) {
  const seen: string[] = [];
  const agent: SupportAgent = {
    async reply(turn) {
      shared.mostAtOnce = Math.max(shared.mostAtOnce, ++shared.inside);
      seen.push(turn.text);
      await sleep(ms);
      shared.inside -= 1;
      return { text: `re: ${turn.text}` };
    },
    ticketCreated: async () => ({ text: 'made' }),
    close: async () => undefined,
  };
  return { agent, seen };
}

describe('turns on Postgres with several replicas', () => {
  let cluster: PostgresCluster;
  const opened: PostgresStores[] = [];
  let databases = 0;

  async function replicas(): Promise<[PostgresStores, PostgresStores]> {
    databases += 1;
    const url = await cluster.createDatabase(`turn_locks_${databases}`);
    const a = openPostgresStores(url, silentLogger);
    const b = openPostgresStores(url, silentLogger);
    opened.push(a, b);
    await a.migrate();
    return [a, b];
  }

  const chatOn = (stores: PostgresStores, agent: SupportAgent) =>
    createChatService({
      conversations: stores.conversations,
      turns: stores.turns,
      ...(stores.locks ? { locks: stores.locks } : {}),
      agent,
      publish: () => undefined,
      auth: { mode: 'open' },
      logger: silentLogger,
      metrics: createMetrics(),
    });

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await cluster?.stop();
  });

  it('never runs two turns of one conversation at once across replicas, and runs other conversations alongside', async () => {
    const [storesA, storesB] = await replicas();
    const shared = { inside: 0, mostAtOnce: 0 };
    const chatA = chatOn(storesA, slowAgent(150, shared).agent);
    const chatB = chatOn(storesB, slowAgent(150, shared).agent);
    const onA = await chatA.openSession({ user: employee });
    const onB = await chatB.openSession({ sessionToken: onA.sessionToken });
    await Promise.all([
      chatA.send(onA, { text: 'one' }),
      chatB.send(onB, { text: 'two' }),
      chatA.send(onA, { text: 'three' }),
      chatB.send(onB, { text: 'four' }),
    ]);
    await Promise.all([chatA.drain(), chatB.drain()]);
    expect(shared.mostAtOnce).toBe(1);
    expect(await storesA.conversations.countMessages(onA.conversationId)).toBe(8);

    // Two conversations are not serialised with each other.
    const other = { inside: 0, mostAtOnce: 0 };
    const chatC = chatOn(storesA, slowAgent(150, other).agent);
    const chatD = chatOn(storesB, slowAgent(150, other).agent);
    const first = await chatC.openSession({ user: employee });
    const second = await chatD.openSession({ user: employee });
    await Promise.all([chatC.send(first, { text: 'a' }), chatD.send(second, { text: 'b' })]);
    await Promise.all([chatC.drain(), chatD.drain()]);
    expect(other.mostAtOnce).toBe(2);
  });

  it('skips a pending turn that another replica ran while this one waited for its lock', async () => {
    const [storesA, storesB] = await replicas();
    const shared = { inside: 0, mostAtOnce: 0 };
    const onA = slowAgent(300, shared);
    const onB = slowAgent(0, shared);
    const chatA = chatOn(storesA, onA.agent);
    const session = await chatA.openSession({ user: employee });
    await chatA.send(session, { text: 'my VPN drops' });
    await sleep(50);
    // Replica B starts while A runs the turn: the turn is pending in the database.
    const chatB = chatOn(storesB, onB.agent);
    expect(await chatB.resumePendingTurns()).toBe(1);
    await Promise.all([chatA.drain(), chatB.drain()]);
    expect(onA.seen).toEqual(['my VPN drops']);
    expect(onB.seen).toEqual([]);
    const messages = await storesB.conversations.listMessages(session.conversationId);
    expect(messages.map((m) => m.text)).toEqual(['my VPN drops', 're: my VPN drops']);
    expect(await storesB.turns.pending()).toEqual([]);
  });
});
