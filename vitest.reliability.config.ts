import { defineConfig } from 'vitest/config';

/** The heavy suite (`pnpm test:reliability`): real server processes, kill -9, races, backups. */
export default defineConfig({
  test: {
    include: ['apps/bff/reliability/**/*.test.ts'],
    testTimeout: 180_000,
    fileParallelism: false, // each file drives its own server; the machine has two cores
  },
});
