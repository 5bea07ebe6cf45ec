import type { Db } from './client.js';

/**
 * Group commit: the writes that requests hand in during one turn of the event loop are applied in one
 * BEGIN IMMEDIATE transaction, each in its own savepoint, and acknowledged together after its single
 * COMMIT. With synchronous=FULL a commit waits for the disk (fsync of the WAL); one commit for a group
 * instead of one per request is what lets replies scale past the disk's sync rate.
 *
 * What each caller sees is what it would see alone:
 * - a write that throws (or rejects) rolls back to its savepoint only; its promise rejects with its own
 *   error, and the others in the group still commit;
 * - a promise resolves only after the COMMIT returned, so nothing is acknowledged before it is
 *   durable; if the COMMIT fails, every write of the group rejects and none of them is kept;
 * - writes run one after another in the order they were handed in, each seeing the ones before it.
 *
 * A write may be async (the engine-neutral store awaits every query): the queue waits for it before
 * the next one starts, and no group starts before the previous one has committed. That is safe only
 * because nothing else uses this connection: reads outside a write go to a separate, query-only
 * connection (store/sqlite-database.ts), which sees committed data only.
 */
export interface WriteQueue {
  /** Runs `write` in the next group commit; resolves with its result once the group is durable. */
  run<T>(write: () => T | Promise<T>, options?: WriteOptions): Promise<T>;
}

export interface WriteOptions {
  /**
   * Work that is redone if it is lost (an automation batch: the next pass re-decides on the fresh rows,
   * and its e-mails carry dedupe keys). It gets a transaction of its own that commits with
   * synchronous=NORMAL: in WAL mode the commit survives the process being killed but does not wait for
   * the disk, so the event loop is not held for an fsync. The next FULL commit syncs it. Never for a
   * write a request acknowledges: those share groups that stay FULL.
   */
  redoable?: boolean;
}

interface PendingWrite {
  write: () => unknown;
  redoable: boolean;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Most writes one transaction takes: bounds how long the write lock is held (a reply is ~0.1 ms). */
const MAX_GROUP = 200;

const isPromise = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

export function createWriteQueue(db: Db, options: { maxGroup?: number } = {}): WriteQueue {
  const maxGroup = options.maxGroup ?? MAX_GROUP;
  const sqlite = db.$client;
  const begin = sqlite.prepare('BEGIN IMMEDIATE');
  const commit = sqlite.prepare('COMMIT');
  const savepoint = sqlite.prepare('SAVEPOINT group_write');
  const release = sqlite.prepare('RELEASE group_write');
  const rollbackTo = sqlite.prepare('ROLLBACK TO group_write');
  // exec, never a kept statement: SQLite applies this pragma when it compiles it, not when it runs.
  const durable = sqlite.pragma('synchronous', { simple: true }) as number;
  const syncNormal = () => sqlite.exec('PRAGMA synchronous = NORMAL');
  const syncAsOpened = () => sqlite.exec(`PRAGMA synchronous = ${durable}`);
  let pending: PendingWrite[] = [];
  let scheduled = false;
  let committing = false;

  /** One write in its savepoint; synchronous writes stay synchronous (no promise turn on the hot path). */
  const runOne = (write: () => unknown): Outcome | Promise<Outcome> => {
    savepoint.run();
    const undo = (error: unknown): Outcome => {
      rollbackTo.run();
      release.run();
      return { ok: false, error };
    };
    try {
      const value = write();
      if (!isPromise(value)) {
        release.run();
        return { ok: true, value };
      }
      return Promise.resolve(value).then(
        (settled): Outcome => {
          release.run();
          return { ok: true, value: settled };
        },
        undo,
      );
    } catch (error) {
      return undo(error);
    }
  };

  const settle = (group: PendingWrite[], outcomes: Outcome[]) => {
    try {
      commit.run();
    } catch (commitError) {
      if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
      for (const { reject } of group) reject(commitError);
      return;
    }
    group.forEach(({ resolve, reject }, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    });
  };

  const finish = (redoable: boolean) => {
    if (redoable) syncAsOpened();
    committing = false;
    if (pending.length > 0) schedule();
  };

  /** The next group: a redoable write alone, or the writes before the next redoable one (at most maxGroup). */
  const nextGroup = (): PendingWrite[] => {
    let size = 1;
    if (!pending[0]!.redoable) while (size < pending.length && size < maxGroup && !pending[size]!.redoable) size++;
    const group = pending.slice(0, size);
    pending = pending.slice(size);
    return group;
  };

  const commitGroup = () => {
    scheduled = false;
    const group = nextGroup();
    const redoable = group[0]!.redoable;
    committing = true;
    const outcomes: Outcome[] = [];
    try {
      // Outside a transaction: SQLite applies the level to the commits that follow.
      if (redoable) syncNormal();
      begin.run();
    } catch (error) {
      for (const { reject } of group) reject(error);
      finish(redoable);
      return;
    }
    // Synchronous writes run in this same turn; the first async one continues the group after it settles.
    const from = (start: number): void => {
      for (let i = start; i < group.length; i++) {
        const outcome = runOne(group[i]!.write);
        if (isPromise(outcome)) {
          void outcome.then((settled) => {
            outcomes.push(settled);
            from(i + 1);
          });
          return;
        }
        outcomes.push(outcome);
      }
      settle(group, outcomes);
      finish(redoable);
    };
    from(0);
  };

  // setImmediate runs after the poll phase: every request whose bytes arrived in this turn has
  // handed in its write by then.
  const schedule = () => {
    if (scheduled || committing) return;
    scheduled = true;
    setImmediate(commitGroup);
  };

  return {
    run<T>(write: () => T | Promise<T>, options: WriteOptions = {}): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        pending.push({ write, redoable: options.redoable === true, resolve: resolve as (value: unknown) => void, reject });
        schedule();
      });
    },
  };
}
