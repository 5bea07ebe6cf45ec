/**
 * Preloaded into the server by the benchmark (`node --import`), so the server's event-loop delay can be
 * read without a route for it. A 10 ms timer records how late each of its turns came. SIGUSR2 writes the
 * delays since the last signal to BENCH_LOOP_DELAY_FILE and starts a new window; when the file
 * `<BENCH_LOOP_DELAY_FILE>.into` names a total, the finished window is also added to that total, so
 * windows apart in time (the automation passes, the rests between them) give one exact p99 each.
 * Not part of the BFF; only `pnpm bench` loads it. Plain JavaScript, because the benchmark runs the
 * built server (`dist/server.js`) with no TypeScript loader in the process, as production does.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createHistogram } from 'node:perf_hooks';

const RESOLUTION_MS = 10;

const file = process.env.BENCH_LOOP_DELAY_FILE;
if (file) {
  // What perf_hooks.monitorEventLoopDelay measures, in a histogram that can be added to another.
  let window = createHistogram();
  const totals = new Map();
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    // The delay is what exceeds the interval; a histogram only takes values ≥ 1 (ns).
    window.record(Math.max(1, Math.round((now - last - RESOLUTION_MS) * 1e6)));
    last = now;
  }, RESOLUTION_MS).unref();

  const ms = (ns) => Math.round(ns / 1e5) / 10;
  const stats = (h) => (h.count ? { p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max), samples: h.count } : { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 });

  process.on('SIGUSR2', () => {
    let into = '';
    try {
      into = readFileSync(`${file}.into`, 'utf8').trim();
    } catch {
      // no total named: the window stands alone
    }
    if (into) {
      if (!totals.has(into)) totals.set(into, createHistogram());
      totals.get(into).add(window);
    }
    writeFileSync(file, JSON.stringify({ ...stats(window), totals: Object.fromEntries([...totals].map(([name, h]) => [name, stats(h)])) }));
    window = createHistogram();
  });
}
