import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts'],
    testTimeout: 20_000,
    // Migrates (and seeds the demo data) once per run; each test copies the result (createTestDatabase).
    globalSetup: ['packages/db/src/testing/global-setup.ts'],
  },
});
