import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase } from '../client.js';
import { seedDemoData } from '../seed/demo-data.js';
import { TEST_NOW, TEST_PASSWORD_HASH } from './constants.js';

/** What a test database starts with: the schema only, or the schema and README's demo data. */
export type TestDatabaseContent = 'empty' | 'demo';
export type TestDatabaseTemplates = Record<TestDatabaseContent, string>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** Template database files built once per run (see templates.ts); every test copies one. */
    testDatabaseTemplates: TestDatabaseTemplates;
  }
}

/**
 * Writes one file per content into `dir`: migrated, and migrated then seeded with the demo data as of
 * TEST_NOW. Tests copy these instead of migrating (and seeding) for every test. Each file is left in
 * rollback-journal mode with nothing pending, so a plain file copy is a complete database.
 */
export function buildTestDatabaseTemplates(dir: string): TestDatabaseTemplates {
  const empty = join(dir, 'empty.db');
  const demo = join(dir, 'demo.db');
  const migrated = openDatabase(empty);
  migrateDatabase(migrated);
  finish(migrated);
  copyFileSync(empty, demo);
  const seeded = openDatabase(demo);
  seedDemoData(seeded, { passwordHash: TEST_PASSWORD_HASH, now: TEST_NOW, environment: 'test' });
  finish(seeded);
  return { empty, demo };
}

function finish(db: ReturnType<typeof openDatabase>) {
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.pragma('journal_mode = DELETE'); // the copy's opener turns WAL back on
  closeDatabase(db);
}
