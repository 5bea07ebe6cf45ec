import { copySqliteToPg, type PgDb } from '@atende/db/pg';
import { postgresStore } from '@atende/db/store';
import { createEmptyPgTestDatabase, createPgTestDatabaseFromTemplate } from '@atende/db/pg/testing';
import { createTestDatabase, type TestDatabaseContent } from '@atende/db/testing';
import { inject } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createPostgresEventBus } from '../events/postgres-event-bus.js';
import { harness, type TestAppOptions } from './test-app.js';

/**
 * The real app on PostgreSQL (issue 16): a fresh database of its own holding README's demo data
 * (copied from the SQLite demo template with db:copy's own code), the store on a pool, and the
 * LISTEN/NOTIFY event bus. `instances: 2` gives two apps on the same database, each with its own pool,
 * bus and attachment directory view (one shared DATA_DIR), as two server processes would be.
 */
export async function createPgTestApp(options: TestAppOptions & { instances?: 1 | 2; content?: TestDatabaseContent } = {}) {
  const database = await freshDatabase(options.content ?? 'demo');
  const dataDir = mkdtempSync(join(tmpdir(), 'atende-pg-test-'));
  const pools: PgDb[] = [];
  const buses: { close: () => Promise<void> }[] = [];
  const listeners: { close: () => Promise<void> }[] = [];
  const instance = async () => {
    // As a server runs it: sessions and settings in memory, invalidated by the database's notifications.
    const store = postgresStore(database.url, { max: 6 });
    await store.cacheReady;
    const pg = store.pg;
    pools.push(pg);
    listeners.push(store);
    const events = await createPostgresEventBus({ url: database.url, db: pg, logger: pino({ level: 'silent' }) });
    buses.push(events);
    return harness(store.db, dataDir, { events, ...options });
  };
  const first = await instance();
  const second = options.instances === 2 ? await instance() : null;
  // One clock for both instances: they are the same deployment.
  if (second) second.deps.now = () => first.clock.now;
  return {
    ...first,
    url: database.url,
    pg: pools[0]!,
    second,
    dispose: async () => {
      for (const bus of buses) await bus.close();
      for (const store of listeners) await store.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A copy of the run's template (vitest.pg.config.ts makes them once), or, when this file runs under
 * another config, a database made the slow way: migrated by db:copy from the SQLite template.
 */
async function freshDatabase(content: TestDatabaseContent) {
  const templates = inject('pgTemplates');
  if (templates) return createPgTestDatabaseFromTemplate(templates[content]);
  const database = await createEmptyPgTestDatabase();
  const seed = createTestDatabase({ content });
  try {
    const copied = await copySqliteToPg({ sourceFile: seed.file, targetUrl: database.url });
    if (!copied.ok) throw new Error('the test data did not copy into PostgreSQL');
  } finally {
    seed.dispose();
  }
  return database;
}

export type PgTestApp = Awaited<ReturnType<typeof createPgTestApp>>;
