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

it("copies committed pages into the database file from its own thread, the connection's own checkpoint off", async () => {
  const events: CheckpointEvent[] = [];
  const checkpointer = startCheckpointer(db, file, { everyMs: 20, onEvent: (e) => events.push(e) });
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(0);

  const sizeBefore = statSync(file).size;
  const insert = db.$client.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)`);
  db.$client.transaction(() => {
    for (let i = 0; i < 10_000; i++) insert.run(`key-${i}`, JSON.stringify({ filler: 'x'.repeat(500) }));
  })();
  // Past 1,000 WAL pages, yet written to the WAL only: this connection no longer checkpoints.
  expect(statSync(file).size).toBe(sizeBefore);

  const complete = (e: CheckpointEvent) => (e.walPages ?? 0) > 0 && e.copiedPages === e.walPages;
  for (let i = 0; i < 200 && !events.some(complete); i++) await new Promise((r) => setTimeout(r, 20));
  expect(events.filter((e) => e.type === 'error')).toEqual([]);
  expect(statSync(file).size).toBeGreaterThan(sizeBefore + 4_000_000); // the rows are in the database file now

  await checkpointer.stop();
  expect(db.$client.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
});
