/**
 * The store contract on Postgres: a throwaway cluster for this file, the schema migrated once
 * into a template, and one fresh copy of it per test.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import { silentLogger } from '../../src/shared/logger.js';
import { openPostgresStores, type PostgresStores } from '../../src/store/postgres/postgres-stores.js';
import { startPostgresCluster, type PostgresCluster } from '../support/postgres-cluster.js';
import { chatStoreContract } from './chat-store-contract.js';
import { outboxStoreContract } from './outbox-desk-contract.js';

describe('Postgres stores', () => {
  let cluster: PostgresCluster;
  let stores: PostgresStores;
  let databases = 0;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const template = openPostgresStores(await cluster.createDatabase('contract_template'), silentLogger);
    await template.migrate();
    await template.close();
  });
  afterAll(() => cluster?.stop());

  beforeEach(async () => {
    databases += 1;
    const url = await cluster.createDatabase(`contract_${databases}`, { template: 'contract_template' });
    stores = openPostgresStores(url, silentLogger);
  });
  afterEach(() => stores?.close());

  chatStoreContract(() => stores);
  outboxStoreContract(() => stores);
});
