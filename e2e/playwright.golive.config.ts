import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import base from './playwright.config.js';

/**
 * The go-live journey: its own server in the production configuration over an EMPTY database (no demo
 * data), behind nginx on https with a self-signed certificate (support/golive-server.mjs), so it runs
 * apart from the demo-seeded suite: `pnpm test:e2e:golive`.
 */
const PORT = Number(process.env.E2E_PORT ?? 3100);
process.env.E2E_GOLIVE_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'atende-golive-'));
process.env.E2E_GOLIVE_MAIL_DIR ??= join(process.env.E2E_GOLIVE_DATA_DIR, 'mail');

export default defineConfig({
  ...base,
  testDir: './golive',
  timeout: 120_000,
  // The certificate is self-signed: the browser is told to accept it, as a tester would click through.
  use: { ...base.use, baseURL: `https://localhost:${PORT}`, ignoreHTTPSErrors: true },
  webServer: {
    command: 'node support/golive-server.mjs',
    url: `https://localhost:${PORT}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 180_000, // an upper bound for a loaded machine
    env: { E2E_PORT: String(PORT), E2E_GOLIVE_DATA_DIR: process.env.E2E_GOLIVE_DATA_DIR, E2E_GOLIVE_MAIL_DIR: process.env.E2E_GOLIVE_MAIL_DIR },
  },
});
