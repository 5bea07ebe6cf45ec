import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from './client.js';
import { createWriteQueue } from './group-commit.js';
import { createTestDatabase } from './testing/index.js';

let db: Db;
let file: string;
let dispose: () => void;
beforeEach(() => ({ db, file, dispose } = createTestDatabase()));
afterEach(() => dispose());

const put = (key: string) => db.$client.prepare(`INSERT INTO settings (key, value) VALUES (?, '{}')`).run(key);
/** What another connection (another process, a backup) sees: only committed rows. */
function committedKeys(): string[] {
  const other = new Database(file, { readonly: true });
  try {
    return (other.prepare('SELECT key FROM settings ORDER BY key').all() as { key: string }[]).map((r) => r.key);
  } finally {
    other.close();
  }
}

describe('group commit', () => {
  it('writes handed in together share one transaction and are acknowledged only once committed', async () => {
    const queue = createWriteQueue(db);
    const seenByOthersDuringSecond: string[][] = [];
    const first = queue.run(() => put('a'));
    const second = queue.run(() => {
      put('b');
      // 'a' is written on this connection but not committed yet: the two share a transaction.
      seenByOthersDuringSecond.push(committedKeys());
      return 'b done';
    });
    await expect(second).resolves.toBe('b done');
    await first;
    expect(seenByOthersDuringSecond).toEqual([[]]);
    expect(committedKeys()).toEqual(['a', 'b']);
  });

  it('a write that fails is undone alone: its neighbours commit and it rejects with its own error', async () => {
    const queue = createWriteQueue(db);
    const results = await Promise.allSettled([
      queue.run(() => put('a')),
      queue.run(() => {
        put('half-done');
        throw new Error('refused by a rule');
      }),
      queue.run(() => put('c')),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toEqual(new Error('refused by a rule'));
    expect(committedKeys()).toEqual(['a', 'c']);
  });

  it('when the commit itself fails, every write of the group rejects and none is kept', async () => {
    const queue = createWriteQueue(db);
    const results = await Promise.allSettled([
      queue.run(() => put('a')),
      queue.run(() => {
        // A foreign key checked at COMMIT: the savepoint succeeds, the transaction cannot commit.
        db.$client.pragma('defer_foreign_keys = ON');
        db.$client.prepare(`INSERT INTO messages (ticket_id, author_kind, visibility, body, created_at) VALUES (999999, 'system', 'public', 'x', 1)`).run();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/FOREIGN KEY/);
    expect(committedKeys()).toEqual([]);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('a group larger than the cap is split over several transactions, in order', async () => {
    const queue = createWriteQueue(db, { maxGroup: 2 });
    const order: string[] = [];
    const keys = ['k1', 'k2', 'k3', 'k4', 'k5'];
    await Promise.all(keys.map((key) => queue.run(() => (put(key), order.push(key)))));
    expect(order).toEqual(keys);
    expect(committedKeys()).toEqual(keys);
  });

  it('writes handed in later, while a group commits, go in the next group', async () => {
    const queue = createWriteQueue(db);
    await queue.run(() => put('first'));
    await queue.run(() => put('second'));
    expect(committedKeys()).toEqual(['first', 'second']);
  });

  it('an async write keeps the group open until it settles; the writes after it wait their turn', async () => {
    const queue = createWriteQueue(db);
    const order: string[] = [];
    const results = await Promise.allSettled([
      queue.run(async () => {
        put('a');
        await new Promise((resolve) => setImmediate(resolve));
        order.push('a');
        return 'a done';
      }),
      queue.run(async () => {
        put('half-done');
        await Promise.resolve();
        throw new Error('refused after an await');
      }),
      queue.run(() => (put('c'), order.push('c'))),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[0] as PromiseFulfilledResult<string>).value).toBe('a done');
    expect(order).toEqual(['a', 'c']);
    expect(committedKeys()).toEqual(['a', 'c']);
    expect(db.$client.inTransaction).toBe(false);
  });

  it('a write handed in while an async group is open goes in the next group, never inside the open one', async () => {
    const queue = createWriteQueue(db);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = queue.run(async () => {
      put('first');
      await gate;
    });
    await new Promise((resolve) => setImmediate(resolve));
    const second = queue.run(() => {
      // The first group has committed before this one starts.
      expect(committedKeys()).toEqual(['first']);
      put('second');
    });
    await new Promise((resolve) => setImmediate(resolve));
    expect(committedKeys()).toEqual([]);
    release();
    await Promise.all([first, second]);
    expect(committedKeys()).toEqual(['first', 'second']);
  });

  it('a redoable write (an automation batch) commits alone without waiting for the disk; requests handed in beside it stay durable', async () => {
    const queue = createWriteQueue(db);
    const synchronous = () => db.$client.pragma('synchronous', { simple: true });
    const seen: { key: string; synchronous: unknown; committedBefore: string[] }[] = [];
    const write = (key: string) => () => {
      seen.push({ key, synchronous: synchronous(), committedBefore: committedKeys() });
      put(key);
    };
    // Handed in during one turn: without the option the three would share one FULL transaction.
    await Promise.all([queue.run(write('request-1')), queue.run(write('batch'), { redoable: true }), queue.run(write('request-2'))]);
    expect(seen).toEqual([
      { key: 'request-1', synchronous: 2, committedBefore: [] },
      // Its own transaction (request-1 is committed before it starts), at NORMAL (1).
      { key: 'batch', synchronous: 1, committedBefore: ['request-1'] },
      // Back to FULL (2) for the requests after it, in a transaction of their own.
      { key: 'request-2', synchronous: 2, committedBefore: ['batch', 'request-1'] },
    ]);
    expect(committedKeys()).toEqual(['batch', 'request-1', 'request-2']);
    expect(synchronous()).toBe(2);
  });

  it('a redoable write that fails leaves the connection durable again', async () => {
    const queue = createWriteQueue(db);
    await expect(
      queue.run(
        () => {
          put('half-done');
          throw new Error('batch failed');
        },
        { redoable: true },
      ),
    ).rejects.toThrow('batch failed');
    expect(db.$client.pragma('synchronous', { simple: true })).toBe(2);
    await queue.run(() => put('next'));
    expect(committedKeys()).toEqual(['next']);
  });
});
