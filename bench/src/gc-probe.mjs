/**
 * Preloaded into the server by the benchmark, which starts it with `--expose-gc`: on SIGWINCH (a terminal
 * resize, which a server with no terminal never gets otherwise) it runs a full garbage collection and
 * writes the process's memory to BENCH_MEMORY_FILE. "1,000 idle streams" compares live memory this way:
 * RSS read without a collection measured anything from +0.4 to +54.6 MB for the same code, as the heap
 * before the streams had or had not just shrunk. Not part of the BFF; only `pnpm bench` loads it.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MEMORY_FILE;
if (file) {
  process.on('SIGWINCH', () => {
    globalThis.gc?.();
    const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
    // external includes arrayBuffers; live = what the heap and native buffers hold after the collection.
    writeFileSync(file, JSON.stringify({ rss, live: heapUsed + external, heapUsed, external, arrayBuffers, at: Date.now() }));
  });
}
