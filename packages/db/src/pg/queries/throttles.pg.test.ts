import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteEndedThrottleWindows, hitThrottleWindow, resetThrottleWindow, throttleWindow } from '../../queries/throttles.js';
import { createTestDatabase } from '../../testing/index.js';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { createPgTestDatabase } from '../testing.js';
import { deleteEndedThrottleWindowsPg, hitThrottleWindowPg, resetThrottleWindowPg, throttleWindowPg } from './throttles.js';

let db: PgDb;
let otherInstance: PgDb;
let dispose: () => Promise<void>;
beforeAll(async () => {
  const created = await createPgTestDatabase();
  db = created.db;
  otherInstance = openPgDatabase(created.url, { max: 6 });
  dispose = async () => {
    await closePgDatabase(otherInstance);
    await created.dispose();
  };
});
afterAll(() => dispose?.());

describe('throttle windows on PostgreSQL', () => {
  it('count, report, end and reset exactly as on SQLite', async () => {
    const sqlite = createTestDatabase();
    try {
      const steps = [
        { hit: 'k', now: 0 },
        { hit: 'k', now: 500 },
        { read: 'k', now: 900 },
        { hit: 'k', now: 1000 }, // the window ended: a new one
        { read: 'other', now: 1000 },
        { reset: 'k' },
        { read: 'k', now: 1001 },
      ];
      const onSqlite: unknown[] = [];
      const onPg: unknown[] = [];
      for (const step of steps) {
        if ('hit' in step) {
          onSqlite.push(hitThrottleWindow(sqlite.db, { key: step.hit!, now: step.now!, windowMs: 1000 }));
          onPg.push(await hitThrottleWindowPg(db, { key: step.hit!, now: step.now!, windowMs: 1000 }));
        } else if ('read' in step) {
          onSqlite.push(throttleWindow(sqlite.db, { key: step.read!, now: step.now! }));
          onPg.push(await throttleWindowPg(db, { key: step.read!, now: step.now! }));
        } else {
          resetThrottleWindow(sqlite.db, step.reset!);
          await resetThrottleWindowPg(db, step.reset!);
        }
      }
      expect(onPg).toEqual(onSqlite);
      expect(onPg.slice(0, 4)).toEqual([{ hits: 1, endsAt: 1000 }, { hits: 2, endsAt: 1000 }, { hits: 2, endsAt: 1000 }, { hits: 1, endsAt: 2000 }]);
      hitThrottleWindow(sqlite.db, { key: 'old', now: 0, windowMs: 10 });
      await hitThrottleWindowPg(db, { key: 'old', now: 0, windowMs: 10 });
      expect(await deleteEndedThrottleWindowsPg(db, 5000)).toBe(deleteEndedThrottleWindows(sqlite.db, 5000));
    } finally {
      sqlite.dispose();
    }
  });

  it('hits from two instances at once are all counted (one conditional upsert each)', async () => {
    const hits = await Promise.all(Array.from({ length: 20 }, (_, i) => hitThrottleWindowPg(i % 2 ? otherInstance : db, { key: 'address:203.0.113.9', now: 10_000, windowMs: 60_000 })));
    expect(hits.map((h) => h.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
