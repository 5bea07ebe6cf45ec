import { defineConfig } from 'vitest/config';

/**
 * The PostgreSQL suite (`pnpm test:pg`, issue 16): every `*.pg.test.ts`, each file on a fresh database
 * of its own (packages/db/src/pg/testing.ts). Needs a server: PG_TEST_URL, by default
 * postgres://postgres@127.0.0.1:5432/postgres.
 */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.pg.test.ts', 'apps/*/src/**/*.pg.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
