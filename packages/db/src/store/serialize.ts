import { lockKeyPg } from '../pg/queries/in-transaction.js';
import type { Database } from './database.js';

/**
 * Makes a check-then-write on something that has no row to lock ("is this the last admin?", "is this
 * address free?") one at a time, until the transaction ends. On SQLite every write transaction already
 * runs alone (BEGIN IMMEDIATE through the write queue), so there is nothing to take; on PostgreSQL it
 * is a transaction-level advisory lock on the key (pgbouncer-safe). Only inside `transaction()`.
 */
export async function serialize(tx: Database, key: string): Promise<void> {
  if (!tx.inTransaction) throw new Error('serialize() only works inside transaction()');
  if (tx.engine === 'pg') await lockKeyPg(tx.pg, key);
}
