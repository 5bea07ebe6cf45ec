import { defineConfig } from 'vitest/config';

/** The heavy suite (`pnpm test:reliability`): real server processes, kill -9, races, backups. */
export default defineConfig({
  test: {
    include: ['apps/bff/reliability/**/*.test.ts'],
    // Upper bounds for a loaded 2-core machine (real servers start and restart); no test relies on them.
    testTimeout: 900_000,
    hookTimeout: 180_000,
    fileParallelism: false, // each file drives its own server; the machine has two cores
  },
});
