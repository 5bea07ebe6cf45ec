import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    // PostgreSQL tests need a server: they run under `pnpm test:pg` (vitest.pg.config.ts).
    exclude: [...configDefaults.exclude, '**/*.pg.test.ts'],
    testTimeout: 20_000,
  },
});
