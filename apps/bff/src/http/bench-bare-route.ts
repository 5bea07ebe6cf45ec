import type { Handler } from 'hono';
import type { AppEnv } from './app-env.js';

const MAX_BYTES = 1_000_000;

/**
 * The benchmark's ceiling (enabled by BENCH_BARE_ROUTE=1 only): a fixed JSON body of `?bytes=` size,
 * through the same middleware as the API but with no database access, so a scenario's throughput can be
 * read as a ratio of what this stack serves on this machine.
 */
export function benchBareRoute(): Handler<AppEnv> {
  const bodies = new Map<number, string>();
  return (c) => {
    const bytes = Math.min(MAX_BYTES, Math.max(16, Number(c.req.query('bytes')) || 1000));
    let body = bodies.get(bytes);
    if (!body) {
      body = JSON.stringify({ pad: 'x'.repeat(bytes - 10) }); // {"pad":""} is 10 bytes
      bodies.set(bytes, body);
    }
    return c.body(body, 200, { 'content-type': 'application/json' });
  };
}
