import { openPgDatabase, type PgDb } from '../pg/client.js';
import type { PostgresDatabase } from './database.js';
import { serverConnectionClass } from './pg-connection.js';
import { PgReadCache, listenForOtherInstances } from './pg-read-cache.js';

/**
 * The store over PostgreSQL as a server instance runs it: a pool whose connections all listen for
 * the database's change notifications, a dedicated listener for the other instances' commits, and
 * sessions and settings in memory (pg-read-cache.ts), and each query text prepared once per connection
 * (pg-connection.ts). Open it after the migrations: the
 * notifications come from triggers they create.
 */
export function postgresStore(url: string, options: { max?: number; preparedStatements?: boolean; onListenerError?: (error: Error) => void } = {}): { db: PostgresDatabase; pg: PgDb; cacheReady: Promise<void>; close: () => Promise<void> } {
  const cache = new PgReadCache();
  const pg = openPgDatabase(url, { max: options.max, Client: serverConnectionClass(cache, { prepare: options.preparedStatements ?? true }) });
  const listener = listenForOtherInstances(url, cache, options.onListenerError);
  return {
    db: { engine: 'pg', pg, inTransaction: false, cache },
    pg,
    cacheReady: listener.ready,
    close: async () => {
      await listener.close();
      await pg.$client.end();
    },
  };
}
