import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase, type Db } from '../client.js';

/** A migrated database in a fresh temporary file: tests run against real SQLite, never mocks. */
export function createTestDatabase(): { db: Db; file: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atende-test-'));
  const file = join(dir, 'atende.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    dispose: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
