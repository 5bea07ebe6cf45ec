import type { Db } from '../client.js';
import type { WriteQueue } from '../group-commit.js';
import type { PgExecutor } from '../pg/executor.js';
import type { PgReadCache } from './pg-read-cache.js';

/**
 * The database the BFF talks to, whichever engine is behind it (issue 16, decision 008). Every query
 * of the store (`@atende/db/store`) takes one of these and returns a promise; the BFF never knows
 * which engine answered.
 */
export type Database = SqliteDatabase | PostgresDatabase;

/**
 * The embedded engine: two connections to one file. Reads outside a transaction go to `reader`
 * (query_only, so a write sent there by mistake fails loudly), which sees committed data only. Every
 * write goes to `writer` through `writes` (group commit), one at a time; a transaction's body may
 * await, because nothing else touches the writer meanwhile.
 */
export interface SqliteDatabase {
  readonly engine: 'sqlite';
  readonly reader: Db;
  readonly writer: Db;
  readonly writes: WriteQueue;
  /** True on the handle a transaction's body gets: every query runs on `writer`, inside it. */
  readonly inTransaction: boolean;
}

/** PostgreSQL: a pool outside a transaction, the transaction's own client inside one. */
export interface PostgresDatabase {
  readonly engine: 'pg';
  readonly pg: PgExecutor;
  readonly inTransaction: boolean;
  /** Sessions and settings in memory (pg-read-cache.ts); absent on a transaction's handle and in tools. */
  readonly cache?: PgReadCache;
}
