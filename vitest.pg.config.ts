import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The BFF test files written for both engines: those that build their app with createEngineTestApp
 * (apps/bff/src/testing/engine-test-app.ts). `pnpm test` runs them on SQLite, this config on PostgreSQL.
 */
function bothEngineTests(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts') && !file.endsWith('.pg.test.ts'))
    .map((file) => join(dir, file))
    .filter((file) => readFileSync(file, 'utf8').includes('createEngineTestApp('));
}

/**
 * The PostgreSQL suite (`pnpm test:pg`, issue 16): every `*.pg.test.ts`, each file on a fresh database
 * of its own (packages/db/src/pg/testing.ts), and the BFF's route tests again, each test on a copy of
 * a template database. Needs a server: PG_TEST_URL, by default postgres://postgres@127.0.0.1:5432/postgres.
 */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.pg.test.ts', 'apps/*/src/**/*.pg.test.ts', ...bothEngineTests('apps/bff/src')],
    env: { ATENDE_TEST_ENGINE: 'pg' },
    globalSetup: ['packages/db/src/pg/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
