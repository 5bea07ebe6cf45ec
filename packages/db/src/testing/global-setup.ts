import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildTestDatabaseTemplates } from './templates.js';

/** Vitest globalSetup: migrates (and seeds) once for the whole run, before any worker starts. */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'atende-test-templates-'));
  project.provide('testDatabaseTemplates', buildTestDatabaseTemplates(dir));
  return () => rmSync(dir, { recursive: true, force: true });
}
