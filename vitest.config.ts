import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'apps/web/build/**/*.test.ts'],
    // PostgreSQL tests need a server: they run under `pnpm test:pg` (vitest.pg.config.ts).
    exclude: [...configDefaults.exclude, '**/*.pg.test.ts'],
    // An upper bound for a loaded 2-core machine (argon2 hashes, real SQLite files); no test relies on it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Migrates (and seeds the demo data) once per run; each test copies the result (createTestDatabase).
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
  },
});
