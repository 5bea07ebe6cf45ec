import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

/**
 * The go-live journey: its own server in the production configuration over an EMPTY database (no demo
 * data), so it runs apart from the demo-seeded suite: `pnpm test:e2e:golive`.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_GOLIVE_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'atende-golive-'));
process.env.E2E_GOLIVE_MAIL_DIR ??= join(process.env.E2E_GOLIVE_DATA_DIR, 'mail');

export default defineConfig({
  ...base,
  testDir: './golive',
  timeout: 120_000,
  webServer: {
    command: 'node support/golive-server.mjs',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { E2E_PORT: String(PORT), E2E_GOLIVE_DATA_DIR: process.env.E2E_GOLIVE_DATA_DIR, E2E_GOLIVE_MAIL_DIR: process.env.E2E_GOLIVE_MAIL_DIR },
  },
});
