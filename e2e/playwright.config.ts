import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 3100);
// One fresh data directory per run; set in the environment so Playwright's workers see the same one.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), 'atende-e2e-'));

/**
 * Playwright cannot download its own browser on every machine: use a system Chromium when one is
 * configured (CHROMIUM_PATH) or installed (Debian's /usr/bin/chromium), Playwright's own elsewhere.
 */
const systemChromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => Boolean(path && existsSync(path)),
);

export default defineConfig({
  testDir: './tests',
  // Journeys share one server and database: run them one at a time so their data never collides.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  // Upper bounds, not expectations: a passing step takes what it takes. Generous so that a loaded
  // 2-core CI machine (a build and other suites beside this one) never turns a slow step into a failure.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]],
  outputDir: '../test-results',
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: 'pt-BR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(systemChromium ? { executablePath: systemChromium } : {}),
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        },
      },
    },
  ],
  webServer: {
    command: 'pnpm --filter @atende/bff start',
    cwd: '..',
    url: `http://localhost:${PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { PORT: String(PORT), DATA_DIR: process.env.E2E_DATA_DIR, NODE_ENV: 'test', LOG_LEVEL: 'warn' },
  },
});
