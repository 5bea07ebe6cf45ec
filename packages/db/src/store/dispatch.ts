import type { Db } from '../client.js';
import type { PgDb } from '../pg/client.js';
import type { Database } from './database.js';

/**
 * Each store query is one of these: the SQLite function (synchronous, prepared statements, unchanged)
 * and its PostgreSQL twin (same parameters and result, async). On SQLite the cost of the store is one
 * promise per call: no thread hop, no new statement.
 */
type OnSqlite<A extends unknown[], R> = (db: Db, ...args: A) => R;
// Typed as the pool: a twin that opens its own transaction gets a savepoint when called inside one.
type OnPostgres<A extends unknown[], R> = (db: PgDb, ...args: A) => Promise<R>;

function settle<R>(run: () => R): Promise<R> {
  try {
    return Promise.resolve(run());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}

/** A query that only reads: on SQLite, the query-only reader (or the writer, inside a transaction). */
export function read<A extends unknown[], R>(onSqlite: OnSqlite<A, R>, onPostgres: OnPostgres<A, R>) {
  return (db: Database, ...args: A): Promise<R> => {
    if (db.engine === 'pg') return onPostgres(db.pg as PgDb, ...args);
    return settle(() => onSqlite(db.inTransaction ? db.writer : db.reader, ...args));
  };
}

/**
 * A query that writes: on SQLite, inside the caller's transaction, or else as its own write in the
 * next group commit (resolved once durable). Never on the reader, never beside an open transaction.
 */
export function write<A extends unknown[], R>(onSqlite: OnSqlite<A, R>, onPostgres: OnPostgres<A, R>) {
  return (db: Database, ...args: A): Promise<R> => {
    if (db.engine === 'pg') return onPostgres(db.pg as PgDb, ...args);
    if (db.inTransaction) return settle(() => onSqlite(db.writer, ...args));
    return db.writes.run(() => onSqlite(db.writer, ...args));
  };
}
