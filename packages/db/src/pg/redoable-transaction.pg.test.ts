import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../store/database.js';
import { transaction } from '../store/transaction.js';
import { closePgDatabase, openPgDatabase, type PgDb } from './client.js';
import { createPgTestDatabase } from './testing.js';

let test: Awaited<ReturnType<typeof createPgTestDatabase>>;
let single: PgDb;
let db: Database;
beforeAll(async () => {
  test = await createPgTestDatabase();
  // One connection, so "after the transaction" is the same session the transaction ran on.
  single = openPgDatabase(test.url, { max: 1 });
  db = { engine: 'pg', pg: single, inTransaction: false };
});
afterAll(async () => {
  await closePgDatabase(single);
  await test.dispose();
});

const synchronousCommit = async (on: PgDb) => (await on.$client.query<{ synchronous_commit: string }>('SHOW synchronous_commit')).rows[0]!.synchronous_commit;

describe('a redoable transaction (an automation batch) on PostgreSQL', () => {
  it('commits without waiting for the WAL flush, and only that transaction: the session stays durable', async () => {
    const inside = await transaction(db, async (tx) => (tx.engine === 'pg' ? (await tx.pg.execute('SHOW synchronous_commit')).rows[0] : null), { redoable: true });
    expect(inside).toEqual({ synchronous_commit: 'off' });
    expect(await synchronousCommit(single)).toBe('on');
    const ordinary = await transaction(db, async (tx) => (tx.engine === 'pg' ? (await tx.pg.execute('SHOW synchronous_commit')).rows[0] : null));
    expect(ordinary).toEqual({ synchronous_commit: 'on' });
  });
});
