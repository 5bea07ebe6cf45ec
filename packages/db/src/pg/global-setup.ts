import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestDatabaseTemplates } from '../testing/templates.js';
import { createPgTemplates, dropPgTemplates } from './testing.js';

/**
 * Vitest globalSetup of `pnpm test:pg`: the SQLite templates (some PostgreSQL tests compare both
 * engines), and the PostgreSQL templates built from them, before any worker starts.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atende-test-templates-'));
  const sqlite = buildTestDatabaseTemplates(dir);
  project.provide('testDatabaseTemplates', sqlite);
  const pg = await createPgTemplates(sqlite.demo);
  project.provide('pgTemplates', pg);
  return async () => {
    await dropPgTemplates(pg);
    rmSync(dir, { recursive: true, force: true });
  };
}
