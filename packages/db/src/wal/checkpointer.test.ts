import { statSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { createTestDatabase } from '../testing/index.js';
import { startCheckpointer, type CheckpointEvent } from './checkpointer.js';

let db: Db;
let file: string;
let dispose: () => void;
beforeEach(() => ({ db, file, dispose } = createTestDatabase()));
afterEach(() => dispose());

// Driven by hand ('manual'): no timer runs between the insert and the assertions, so the test proves
// the same thing on an idle laptop and on a loaded 2-core CI machine.
it("copies committed pages into the database file from its own thread, the connection's own checkpoint off", async () => {
  const events: CheckpointEvent[] = [];
  const checkpointer = startCheckpointer(db, file, { everyMs: 'manual', onEvent: (e) => events.push(e) });
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

  const sizeBefore = statSync(file).size;
  const insert = db.$client.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  db.$client.transaction(() => {
    for (let i = 0; i < 10_000; i++) insert.run(`key-${i}`, JSON.stringify({ filler: 'x'.repeat(500) }));
  })();
  // Past 1,000 WAL pages, yet written to the WAL only: this connection no longer checkpoints.
  expect(statSync(file).size).toBe(sizeBefore);

  const result = await checkpointer.checkpointNow();
  expect(result.type).toBe('checkpointed');
  expect(result.walPages).toBeGreaterThan(1_000);
  expect(result.copiedPages).toBe(result.walPages); // nothing read the database meanwhile: every page copied
  expect(statSync(file).size).toBeGreaterThan(sizeBefore + 4_000_000); // the rows are in the database file now
  expect(events.filter((e) => e.type === 'error')).toEqual([]);

  await checkpointer.stop();
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
});

it('gives the connection its own checkpoint back when stopped', async () => {
  const checkpointer = startCheckpointer(db, file, { everyMs: 'manual' });
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
  await checkpointer.stop();
  // After stop the server's own connection checkpoints again, so the WAL can never grow unbounded.
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
});
