import { sql } from 'drizzle-orm';
import type { PgDb } from '../client.js';
import type { PgExecutor } from '../executor.js';

/**
 * The twin of SQLite's `writeTransaction` for a PgExecutor: a transaction on a pool, a savepoint inside
 * a caller's transaction (drizzle nests so), so a twin runs alone or as part of a larger write.
 */
export function inTransactionPg<T>(db: PgExecutor, fn: (tx: PgExecutor) => Promise<T>): Promise<T> {
  // Both members of the union have this method; TypeScript cannot call a union of generic signatures.
  return (db as PgDb).transaction((tx) => fn(tx));
}

/**
 * Serializes writers of one key until the transaction ends, as BEGIN IMMEDIATE serializes every writer
 * on SQLite. Needed where a write's check is "no other row like this" (no row exists yet to lock).
 * Transaction-scoped, so it is pgbouncer-safe (transaction pooling).
 */
export async function lockKeyPg(tx: PgExecutor, key: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
