import { sql } from 'drizzle-orm';
import type { WriteOptions } from '../group-commit.js';
import type { PgDb } from '../pg/client.js';
import type { Database, SqliteDatabase } from './database.js';

/**
 * Runs `body` in one transaction: every query given `tx` commits together or not at all, and the
 * promise settles after the COMMIT. On SQLite the body is one write of the next group commit (BEGIN
 * IMMEDIATE holds the write lock, so a read-check-write on one ticket never races); on PostgreSQL it
 * is a transaction on one pooled client (rows it must serialize on are read `FOR UPDATE`).
 *
 * Inside a transaction, a nested call is a savepoint on both engines: if its body throws, its own
 * writes are undone and the error goes on to the caller, who may carry on (the automation runner
 * keeps a batch's other tickets).
 *
 * `redoable` (work the next automation pass would redo, never an acknowledged request): the commit
 * does not wait for the disk. SQLite: a group of its own at synchronous=NORMAL (group-commit.ts);
 * PostgreSQL: synchronous_commit off for this transaction. Either way a crash may lose the last such
 * commits, never corrupt anything, and the next durable commit makes them durable too.
 */
export function transaction<T>(db: Database, body: (tx: Database) => Promise<T>, options: WriteOptions = {}): Promise<T> {
  if (db.engine === 'sqlite') {
    if (db.inTransaction) return sqliteSavepoint(db, body);
    return db.writes.run(() => body({ ...db, inTransaction: true }), options);
  }
  // drizzle's transaction() on a transaction opens a savepoint.
  return (db.pg as PgDb).transaction(async (tx) => {
    if (options.redoable && !db.inTransaction) await tx.execute(sql`SET LOCAL synchronous_commit = off`);
    return body({ engine: 'pg', pg: tx, inTransaction: true });
  });
}

let depth = 0;

async function sqliteSavepoint<T>(db: SqliteDatabase, body: (tx: Database) => Promise<T>): Promise<T> {
  const sqlite = db.writer.$client;
  // Only one transaction is open on the writer at a time (the write queue), so a depth counter names
  // nested savepoints uniquely.
  const name = `nested_${++depth}`;
  sqlite.exec(`SAVEPOINT ${name}`);
  try {
    const value = await body(db);
    sqlite.exec(`RELEASE ${name}`);
    return value;
  } catch (error) {
    sqlite.exec(`ROLLBACK TO ${name}`);
    sqlite.exec(`RELEASE ${name}`);
    throw error;
  } finally {
    depth--;
  }
}
