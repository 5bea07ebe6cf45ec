import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    // An upper bound for a loaded 2-core machine (argon2 hashes, real SQLite files); no test relies on it.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
