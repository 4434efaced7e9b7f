/**
 * What only a database shared by several processes needs: migrations recorded in the database and
 * run once under a lock however many replicas start at once, the outbox's rows claimed by one
 * worker each (`FOR UPDATE SKIP LOCKED`), and settings every replica agrees on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { migrate, SchemaTooNewError } from '../../src/store/postgres/migrate.js';
import { MIGRATIONS } from '../../src/store/postgres/migrations.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/postgres-stores.js';
import type { TicketDraft } from '../../src/tickets/ports.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';

const draft: TicketDraft = { summary: 'VPN drops', description: 'It drops.', category: 'vpn' };

describe('Postgres shared by several processes', () => {
  let cluster: PostgresCluster;
  const opened: PostgresStores[] = [];
  let databases = 0;

  /** A fresh database and `count` independent pools on it, as `count` replicas would have. */
  async function replicas(count: number): Promise<PostgresStores[]> {
    databases += 1;
    const url = await cluster.createDatabase(`shared_${databases}`);
    const stores = Array.from({ length: count }, () => openPostgresStores(url, silentLogger));
    opened.push(...stores);
    return stores;
  }

  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await Promise.all(opened.map((s) => s.close()));
    await cluster?.stop();
  });

  it('applies each numbered migration once when three replicas start at once, and records it', async () => {
    const [a, b, c] = await replicas(3);
    let setups = 0;
    let inside = 0;
    let mostInside = 0;
    // The checkpointer's setup() stands here: under the lock, so never two at once.
    const setupUnderLock = async () => {
      setups += 1;
      mostInside = Math.max(mostInside, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 50));
      inside -= 1;
    };
    const applied = await Promise.all([a!, b!, c!].map((s) => s.migrate(setupUnderLock)));
    const all = applied.flat().sort((x, y) => x - y);
    expect(all).toEqual(MIGRATIONS.map((m) => m.version));
    expect(setups).toBe(3);
    expect(mostInside).toBe(1);
    const { rows } = await a!.pool.query<{ version: number; name: string }>(
      'SELECT version, name FROM schema_migrations ORDER BY version',
    );
    expect(rows).toEqual(MIGRATIONS.map(({ version, name }) => ({ version, name })));
    expect(await a!.migrate()).toEqual([]);
  });

  it('applies only the migrations a database lacks, and refuses a schema newer than the release', async () => {
    const [stores] = await replicas(1);
    const { pool } = stores!;
    const first = MIGRATIONS.slice(0, 2);
    expect(await migrate(pool, { logger: silentLogger, migrations: first })).toEqual([1, 2]);
    expect(await migrate(pool, { logger: silentLogger })).toEqual(MIGRATIONS.slice(2).map((m) => m.version));
    const next = { version: MIGRATIONS.length + 1, name: 'a later release', sql: 'CREATE TABLE later (id INT)' };
    await migrate(pool, { logger: silentLogger, migrations: [...MIGRATIONS, next] });
    await expect(migrate(pool, { logger: silentLogger })).rejects.toBeInstanceOf(SchemaTooNewError);
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const [stores] = await replicas(1);
    const { pool } = stores!;
    const broken = { version: 1, name: 'broken', sql: 'CREATE TABLE half (id INT); SELECT no_such_function()' };
    await expect(migrate(pool, { logger: silentLogger, migrations: [broken] })).rejects.toThrow(/no_such_function/);
    const { rows } = await pool.query("SELECT to_regclass('half') AS half, COUNT(*)::int AS n FROM schema_migrations");
    expect(rows).toEqual([{ half: null, n: 0 }]);
    // The lock was released: the real migrations run now.
    expect(await migrate(pool, { logger: silentLogger })).toHaveLength(MIGRATIONS.length);
  });

  it('never hands one due escalation to two workers polling at once', async () => {
    const [a, b] = await replicas(2);
    await a!.migrate();
    for (let i = 0; i < 30; i++) {
      await a!.escalations.enqueue({ escalationId: `e-${i}`, conversationId: 'c', draft, notBefore: i });
    }
    const polls = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 === 0 ? a! : b!).escalations.due(1000, 10, 1_000_000)),
    );
    const taken = polls.flat().map((r) => r.escalationId);
    expect(taken).toHaveLength(30);
    expect(new Set(taken).size).toBe(30);
    // Leased: nothing is due again until the lease ends, then all are.
    expect(await b!.escalations.due(999_999, 50, 2_000_000)).toEqual([]);
    expect(await b!.escalations.due(1_000_000, 50, 2_000_000)).toHaveLength(30);
  });

  it('keeps the first value stored under a setting, whichever replica stored it', async () => {
    const [a, b] = await replicas(2);
    await a!.migrate();
    const values = await Promise.all([
      a!.settings.keepFirst('desk_token', 'from-a'),
      b!.settings.keepFirst('desk_token', 'from-b'),
    ]);
    expect(new Set(values).size).toBe(1);
    expect(await b!.settings.keepFirst('desk_token', 'later')).toBe(values[0]);
  });

  it('fails start-up work loudly when the server is not there', async () => {
    const stores = openPostgresStores('postgres://nobody@127.0.0.1:1/none', silentLogger);
    opened.push(stores);
    await expect(stores.migrate()).rejects.toThrow(/ECONNREFUSED/);
  });
});
