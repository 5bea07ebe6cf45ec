import { sql } from 'drizzle-orm';
import type { PgExecutor } from '../executor.js';

/**
 * An address is one person across agents, contacts and contacts' other addresses, but no single
 * unique index spans those tables: SQLite keeps it by serializing every write (BEGIN IMMEDIATE).
 * On PostgreSQL two writers could both see an address free; this transaction-level advisory lock
 * makes the check-then-write of addresses one at a time again. It ends with the transaction
 * (pgbouncer-safe); every writer of addresses must take it inside its transaction.
 */
const ADDRESS_BOOK_LOCK = 16_000_001;

export async function lockAddressBookPg(tx: PgExecutor): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ADDRESS_BOOK_LOCK})`);
}
