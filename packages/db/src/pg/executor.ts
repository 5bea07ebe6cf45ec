import type { PgDb } from './client.js';

/** A database or a transaction on it: the PostgreSQL queries run on either. */
export type PgExecutor = PgDb | Parameters<Parameters<PgDb['transaction']>[0]>[0];
