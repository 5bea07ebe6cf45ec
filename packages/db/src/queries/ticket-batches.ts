import type { Db } from '../client.js';

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction on the connection, for work that changes many tickets
 * in a row (the automation runner): one commit (one fsync) for the lot. Every changeTicket inside it becomes
 * a savepoint, so a ticket whose change throws is rolled back alone and
 * the tickets before it are kept. A crash before the commit loses the whole batch, never part of a ticket.
 * The caller bounds the batch (time and count): the write lock is held until `fn` returns.
 */
export function batchTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}
