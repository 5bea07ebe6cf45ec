import type { PgDb } from '../pg/client.js';
import type { Database } from './database.js';

/**
 * Runs `body` in one transaction: every query given `tx` commits together or not at all, and the
 * promise settles after the COMMIT. On SQLite the body is one write of the next group commit (its own
 * savepoint, BEGIN IMMEDIATE holds the write lock, so a read-check-write on one ticket never races);
 * on PostgreSQL it is a transaction on one pooled client (rows it must serialize on are read
 * `FOR UPDATE`). Inside a transaction, a nested call joins it.
 */
export function transaction<T>(db: Database, body: (tx: Database) => Promise<T>): Promise<T> {
  if (db.inTransaction) return body(db);
  if (db.engine === 'sqlite') return db.writes.run(() => body({ ...db, inTransaction: true }));
  return (db.pg as PgDb).transaction((tx) => body({ engine: 'pg', pg: tx, inTransaction: true }));
}
