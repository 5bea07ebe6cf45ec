import { Worker } from 'node:worker_threads';
import type { Db } from '../client.js';

export interface Checkpointer {
  /** One checkpoint now, answered when the worker has done it (tests and shutdown drive it by hand). */
  checkpointNow: () => Promise<CheckpointEvent>;
  stop: () => Promise<void>;
}

export interface CheckpointEvent {
  type: 'checkpointed' | 'error';
  walPages?: number;
  copiedPages?: number;
  message?: string;
  /** Set on the answer to a `checkpointNow()` call. */
  requestId?: number;
}

export interface CheckpointerOptions {
  /** How often the worker checkpoints by itself; `'manual'`: only on `checkpointNow()`. */
  everyMs?: number | 'manual';
  onEvent?: (event: CheckpointEvent) => void;
}

/**
 * Moves WAL checkpoints off the server's thread. By default SQLite checkpoints inside the COMMIT that
 * crosses 1,000 WAL pages: that request (or automation batch) then also copies the pages into the
 * database file and waits for its fsync, tens of milliseconds at a million tickets, with the event
 * loop stopped. Here the connection's automatic checkpoint is switched off and a worker thread with
 * its own connection checkpoints every `everyMs` (PASSIVE: it never blocks readers or the writer).
 * If the worker fails, the connection checkpoints by itself again, so the WAL never grows unbounded.
 */
export function startCheckpointer(db: Db, file: string, options: CheckpointerOptions = {}): Checkpointer {
  const everyMs = options.everyMs === 'manual' ? null : (options.everyMs ?? 1000);
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, everyMs },
    // Plain JavaScript: none of the process's --import loaders (tsx, probes) apply to it.
    execArgv: [],
  });
  const fallBack = () => db.$client.pragma('wal_autocheckpoint = 1000');
  db.$client.pragma('wal_autocheckpoint = 0');
  const waiting = new Map<number, (event: CheckpointEvent) => void>();
  let nextRequestId = 1;
  worker.on('message', (event: CheckpointEvent) => {
    if (event.type === 'error') fallBack();
    options.onEvent?.(event);
    if (event.requestId !== undefined) {
      waiting.get(event.requestId)?.(event);
      waiting.delete(event.requestId);
    }
  });
  worker.on('error', (error) => {
    fallBack();
    options.onEvent?.({ type: 'error', message: String(error) });
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref(); // never what keeps a process alive…
  return {
    checkpointNow: () =>
      new Promise<CheckpointEvent>((resolve) => {
        const requestId = nextRequestId++;
        waiting.set(requestId, resolve);
        worker.postMessage({ type: 'checkpoint', requestId });
      }),
    stop: async () => {
      worker.ref(); // …but stopping waits for its last checkpoint
      worker.postMessage('stop');
      await exited;
      if (db.$client.open) fallBack();
    },
  };
}
