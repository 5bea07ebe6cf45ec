import { Worker } from 'node:worker_threads';
import type { Db } from '../client.js';

export interface Checkpointer {
  stop: () => Promise<void>;
}

export interface CheckpointEvent {
  type: 'checkpointed' | 'error';
  walPages?: number;
  copiedPages?: number;
  message?: string;
}

/**
 * Moves WAL checkpoints off the server's thread. By default SQLite checkpoints inside the COMMIT that
 * crosses 1,000 WAL pages: that request (or automation batch) then also copies the pages into the
 * database file and waits for its fsync, tens of milliseconds at a million tickets, with the event
 * loop stopped. Here the connection's automatic checkpoint is switched off and a worker thread with
 * its own connection checkpoints every `everyMs` (PASSIVE: it never blocks readers or the writer).
 * If the worker fails, the connection checkpoints by itself again, so the WAL never grows unbounded.
 */
export function startCheckpointer(db: Db, file: string, options: { everyMs?: number; onEvent?: (event: CheckpointEvent) => void } = {}): Checkpointer {
  const worker = new Worker(new URL('./checkpoint-worker.mjs', import.meta.url), {
    workerData: { file, everyMs: options.everyMs ?? 1000 },
    // Plain JavaScript: none of the process's --import loaders (tsx, probes) apply to it.
    execArgv: [],
  });
  const fallBack = () => db.$client.pragma('wal_autocheckpoint = 1000');
  db.$client.pragma('wal_autocheckpoint = 0');
  worker.on('message', (event: CheckpointEvent) => {
    if (event.type === 'error') fallBack();
    options.onEvent?.(event);
  });
  worker.on('error', (error) => {
    fallBack();
    options.onEvent?.({ type: 'error', message: String(error) });
  });
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  worker.unref(); // never what keeps a process alive…
  return {
    stop: async () => {
      worker.ref(); // …but stopping waits for its last checkpoint
      worker.postMessage('stop');
      await exited;
      if (db.$client.open) fallBack();
    },
  };
}
