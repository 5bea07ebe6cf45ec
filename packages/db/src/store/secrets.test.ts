import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { getOrCreateSecret as storedSecret } from '../queries/settings.js';
import { createTestDatabase } from '../testing/index.js';
import type { SqliteDatabase } from './database.js';
import { getOrCreateSecret } from './secrets.js';
import { sqliteStore } from './sqlite-database.js';
import { transaction } from './transaction.js';

let store: SqliteDatabase;
let dispose: () => void;
beforeEach(() => {
  const test = createTestDatabase();
  store = sqliteStore(test.db);
  dispose = () => {
    store.reader.$client.close();
    test.dispose();
  };
});
afterEach(() => dispose());

describe('signing secrets through the store', () => {
  it('are the stored secret, every time', async () => {
    const first = await getOrCreateSecret(store, 'rating_link');
    expect(await getOrCreateSecret(store, 'rating_link')).toBe(first);
    expect(storedSecret(store.writer, 'rating_link')).toBe(first);
    expect(await getOrCreateSecret(store, 'reply_address')).not.toBe(first);
  });

  it('one made in a transaction that rolls back is never used: links stay verifiable', async () => {
    let madeInside = '';
    await expect(
      transaction(store, async (tx) => {
        madeInside = await getOrCreateSecret(tx, 'rating_link');
        throw new Error('the change is refused');
      }),
    ).rejects.toThrow('the change is refused');
    const after = await getOrCreateSecret(store, 'rating_link');
    expect(after).not.toBe(madeInside);
    expect(storedSecret(store.writer, 'rating_link')).toBe(after);
  });
});
