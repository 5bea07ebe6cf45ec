import type { Database } from '@atende/db/store';
import { queryRows, storeFactories, type TestDatabaseContent } from '@atende/db/testing';
import { createPgTestApp } from './pg-test-app.js';
import { createTestApp, type TestAppOptions } from './test-app.js';

/**
 * The engine the BFF suite runs on: SQLite under `pnpm test`, PostgreSQL under `pnpm test:pg`
 * (vitest.pg.config.ts sets ATENDE_TEST_ENGINE=pg). Issue 16: the same route tests prove both.
 */
export const TEST_ENGINE: 'sqlite' | 'pg' = process.env.ATENDE_TEST_ENGINE === 'pg' ? 'pg' : 'sqlite';

/**
 * The real app on the suite's engine, README's demo data unless `content: 'empty'`. A test reaches the
 * database only through the store (the BFF's own queries), `make` (factories) and `rows` (raw SQL for
 * its checks), never a synchronous SQLite handle, so it runs unchanged on both engines.
 */
export async function createEngineTestApp(options: TestAppOptions & { content?: TestDatabaseContent } = {}) {
  const t = TEST_ENGINE === 'pg' ? await createPgTestApp(options) : await createTestApp(options);
  const store: Database = t.deps.db;
  const { app, deps, events, clock, mailer, request, client, signIn, upload, dataDir } = t;
  return {
    engine: TEST_ENGINE,
    app,
    deps,
    events,
    clock,
    mailer,
    request,
    client,
    signIn,
    upload,
    dataDir,
    store,
    make: storeFactories(store),
    /** Rows of a raw query for a check: `?` parameters, quoted camelCase aliases (see queryRows). */
    rows: <T = Record<string, unknown>>(text: string, params: unknown[] = []) => queryRows<T>(store, text, params),
    dispose: async () => {
      await t.dispose();
    },
  };
}

export type EngineTestApp = Awaited<ReturnType<typeof createEngineTestApp>>;
