/** The store contract on the embedded default: SQLite, one fresh in-memory database per test. */
import { afterEach, beforeEach, describe } from 'vitest';
import { openSqliteStores, type Stores } from '../../src/store/stores.js';
import { chatStoreContract } from './chat-store-contract.js';
import { outboxStoreContract } from './outbox-desk-contract.js';

describe('SQLite stores', () => {
  let stores: Stores;
  beforeEach(() => {
    stores = openSqliteStores(':memory:');
  });
  afterEach(() => stores.close());

  chatStoreContract(() => stores);
  outboxStoreContract(() => stores);
});
