import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, migrateDatabase, openDatabase, openReaderDatabase } from './client.js';
import { customerTabCounts } from './queries/tickets.js';
import { isDatabaseEmpty, seedDemoData } from './seed/demo-data.js';
import { createTestDatabase } from './testing/index.js';

let dispose: (() => void) | undefined;
afterEach(() => dispose?.());

describe('opening the database', () => {
  it('uses WAL, synchronous=FULL, a busy timeout and enforced foreign keys', () => {
    const test = createTestDatabase();
    dispose = test.dispose;
    const pragma = (name: string) => test.db.$client.pragma(name, { simple: true });
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('busy_timeout')).toBe(5000);
    expect(pragma('foreign_keys')).toBe(1);
  });

  it("maps the file for the reader, whose page cache every writer's commit empties, and it still sees each commit", () => {
    const test = createTestDatabase();
    const reader = openReaderDatabase(test.file);
    dispose = () => (reader.$client.close(), test.dispose());
    expect(reader.$client.pragma('mmap_size', { simple: true })).toBeGreaterThan(1024 ** 3);
    const count = () => (reader.$client.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;
    const before = count();
    test.db.$client.prepare(`INSERT INTO settings (key, value) VALUES ('mapped-read', '{}')`).run();
    expect(count()).toBe(before + 1);
  });

  it('reuses a prepared statement for the same SQL, in the mode each caller asks for', () => {
    const test = createTestDatabase();
    dispose = test.dispose;
    const sqlite = test.db.$client;
    const sql = 'SELECT 1 AS one';
    const first = sqlite.prepare(sql);
    expect(first.raw().get()).toEqual([1]);
    const again = sqlite.prepare(sql);
    expect(again).toBe(first); // not parsed and planned again
    expect(again.get()).toEqual({ one: 1 }); // a raw read before does not leak into this one
  });

  it('an existing database is migrated again without losing data', () => {
    const test = createTestDatabase();
    dispose = test.dispose;
    seedDemoData(test.db, { passwordHash: 'x', now: 1_000, environment: 'test' });
    const before = customerTabCounts(test.db, 1, 1_000);
    closeDatabase(test.db);

    const reopened = openDatabase(test.file);
    migrateDatabase(reopened);
    expect(isDatabaseEmpty(reopened)).toBe(false);
    expect(customerTabCounts(reopened, 1, 1_000)).toEqual(before);
    closeDatabase(reopened);
  });
});
