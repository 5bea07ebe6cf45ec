import type { Db } from './client.js';

/**
 * Group commit: the synchronous writes that requests hand in during one turn of the event loop are
 * applied in one BEGIN IMMEDIATE transaction, each in its own savepoint, and acknowledged together
 * after its single COMMIT. With synchronous=FULL a commit waits for the disk (fsync of the WAL); one
 * commit for a group instead of one per request is what lets replies scale past the disk's sync rate.
 *
 * What each caller sees is what it would see alone:
 * - a write that throws rolls back to its savepoint only; its promise rejects with its own error, and
 *   the others in the group still commit;
 * - a promise resolves only after the COMMIT returned, so nothing is acknowledged before it is
 *   durable; if the COMMIT fails, every write of the group rejects and none of them is kept;
 * - writes run in the order they were handed in, each seeing the ones before it (one connection).
 *
 * Writes must be synchronous (better-sqlite3): an `async` function would run past its savepoint.
 */
export interface WriteQueue {
  /** Runs `write` in the next group commit; resolves with its result once the group is durable. */
  run<T>(write: () => T): Promise<T>;
}

interface PendingWrite {
  write: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most writes one transaction takes: bounds how long the write lock is held (a reply is ~0.1 ms). */
const MAX_GROUP = 200;

export function createWriteQueue(db: Db, options: { maxGroup?: number } = {}): WriteQueue {
  const maxGroup = options.maxGroup ?? MAX_GROUP;
  const sqlite = db.$client;
  let pending: PendingWrite[] = [];
  let scheduled = false;

  const commitGroup = () => {
    scheduled = false;
    const group = pending.slice(0, maxGroup);
    pending = pending.slice(group.length);
    if (pending.length > 0) schedule();
    const outcomes: Outcome[] = [];
    try {
      sqlite
        .transaction(() => {
          for (const { write } of group) {
            // A nested better-sqlite3 transaction is a savepoint: a throw undoes this write only.
            try {
              outcomes.push({ ok: true, value: sqlite.transaction(write)() });
            } catch (error) {
              outcomes.push({ ok: false, error });
            }
          }
        })
        .immediate();
    } catch (commitError) {
      for (const { reject } of group) reject(commitError);
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  };

  // setImmediate runs after the poll phase: every request whose bytes arrived in this turn has
  // handed in its write by then.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(commitGroup);
  };

  return {
    run<T>(write: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ write, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
