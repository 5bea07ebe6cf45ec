/**
 * Preloaded into the server by the benchmark (`node --import`), so the server's event-loop delay can be
 * read without a route for it: SIGUSR2 writes the histogram since the last signal to
 * BENCH_LOOP_DELAY_FILE and starts a new one. Not part of the BFF; only `pnpm bench` loads it.
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export const LOOP_DELAY_RESOLUTION_MS = 10;

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_DELAY_RESOLUTION_MS });
  histogram.enable();
  process.on('SIGUSR2', () => {
    // The histogram holds whole timer intervals; the delay is what exceeds the resolution.
    const ms = (ns: number) => Math.max(0, Math.round((ns / 1e6 - LOOP_DELAY_RESOLUTION_MS) * 10) / 10);
    const stats = histogram.count
      ? { p50Ms: ms(histogram.percentile(50)), p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max), samples: histogram.count }
      : { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 };
    writeFileSync(file, JSON.stringify(stats));
    histogram.reset();
  });
}
