import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
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
// `E2E_GOLIVE_ENGINE=pg`: the same go-live on an empty PostgreSQL database (DATABASE_URL), made here
// once (workers inherit the variable) and dropped by the teardown.
if (process.env.E2E_GOLIVE_ENGINE === 'pg' && !process.env.E2E_GOLIVE_DATABASE_URL) {
  const admin = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `atende_golive_${randomBytes(4).toString('hex')}`;
  // A run whose server never started gets no teardown: its database is dropped by the next run.
  const leftovers = execFileSync('psql', [admin, '-Atc', "SELECT datname FROM pg_database WHERE datname LIKE 'atende\\_golive\\_%'"], { encoding: 'utf8' });
  for (const old of leftovers.split('\n').filter(Boolean)) execFileSync('psql', [admin, '-qc', `DROP DATABASE IF EXISTS ${old} WITH (FORCE)`]);
  execFileSync('psql', [admin, '-qc', `CREATE DATABASE ${name}`]);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  process.env.E2E_GOLIVE_DATABASE_URL = url.toString();
}

export default defineConfig({
  ...base,
  testDir: './golive',
  timeout: 120_000,
  globalTeardown: './support/golive-teardown.mjs',
  // The certificate is self-signed: the browser is told to accept it, as a tester would click through.
  use: { ...base.use, baseURL: `https://localhost:${PORT}`, ignoreHTTPSErrors: true },
  webServer: {
    command: 'node support/golive-server.mjs',
    url: `https://localhost:${PORT}/healthz`,
    ignoreHTTPSErrors: true,
    reuseExistingServer: false,
    timeout: 180_000, // an upper bound for a loaded machine
    env: {
      E2E_PORT: String(PORT),
      E2E_GOLIVE_DATA_DIR: process.env.E2E_GOLIVE_DATA_DIR,
      E2E_GOLIVE_MAIL_DIR: process.env.E2E_GOLIVE_MAIL_DIR,
      ...(process.env.E2E_GOLIVE_DATABASE_URL ? { E2E_GOLIVE_DATABASE_URL: process.env.E2E_GOLIVE_DATABASE_URL } : {}),
    },
  },
});
