/**
 * The store (`@atende/db/store`): the one query API of the BFF, the same on both engines (issue 16,
 * decision 008). Every query takes a `Database` and returns a promise; `transaction` groups writes.
 * The synchronous SQLite API (`@atende/db`) stays for tests, scripts, the seed and the bench.
 */
export type { Database, PostgresDatabase, SqliteDatabase } from './database.js';
export { transaction } from './transaction.js';
export { sqliteStore, openSqliteStore, closeSqliteStore } from './sqlite-database.js';
export * from './queries/index.js';
export type { Db } from '../client.js';
export type { WriteQueue } from '../group-commit.js';
export { openStore, type OpenedStore } from './open-store.js';
export { serialize } from './serialize.js';
// Shadows the generated query of the same name (queries/settings.ts): the secrets are remembered.
export { getOrCreateSecret } from './secrets.js';
// Shadow the generated queries of the same names: sessions and settings in memory on PostgreSQL.
export { findSessionWithAccount, touchSession, getPortalSettings, getCompanySettings, getAutomationSettings, getSlaSettings, getSignInSettings, withoutCache } from './cached-reads.js';
export { PgReadCache } from './pg-read-cache.js';
export { postgresStore } from './pg-store.js';
