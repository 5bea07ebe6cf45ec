/**
 * One automation pass in its own process, as `pnpm automations:run --now <ISO>` does (same runner, same
 * configuration from the environment), but timing the pass itself rather than the process start, and
 * watching this process's event-loop delay and the batches' sizes and lock-hold times. Prints one JSON
 * line. Started by automations.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startCheckpointer } from '@atende/db';
import { openStore } from '@atende/db/store';
import { runAutomations } from '@atende/bff/automations';
import { loadConfig } from '@atende/bff/config';
import { summarizeBatches } from './automations.js';

const now = Number(process.argv[2]);
if (!Number.isFinite(now)) throw new Error('usage: automations-child.ts <epoch ms>');
const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, sqliteFile: config.databaseFile, poolMax: 2 });
// As in the server: WAL checkpoints on their own thread, not inside a batch's COMMIT.
const checkpointer = store.sqliteWriter ? startCheckpointer(store.sqliteWriter, config.databaseFile) : null;
const histogram = monitorEventLoopDelay({ resolution: 10 });
histogram.enable();
// Start inside the event loop (not during module evaluation), so the histogram sees how long the pass holds it.
await new Promise((resolve) => setTimeout(resolve, 30));
const startedAt = performance.timeOrigin + performance.now();
const batches: { tickets: number; lockMs: number }[] = [];
const report = await runAutomations(store.db, config, { now, holder: `bench-${process.pid}`, onBatch: (b) => batches.push(b) });
const finishedAt = performance.timeOrigin + performance.now();
// One more timer tick, so the stretch the pass held the thread is in the histogram.
await new Promise((resolve) => setTimeout(resolve, 20));
histogram.disable();
await checkpointer?.stop();
await store.close();
process.stdout.write(
  `${JSON.stringify({
    report,
    startedAt,
    finishedAt,
    ms: Math.round((finishedAt - startedAt) * 10) / 10,
    loopDelayMaxMs: Math.max(0, Math.round((histogram.max / 1e6 - 10) * 10) / 10),
    batches: summarizeBatches(batches),
  })}\n`,
);
