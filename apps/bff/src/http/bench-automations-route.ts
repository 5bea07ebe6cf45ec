import type { Handler } from 'hono';
import { runAutomationsYielding } from '../automations/runner.js';
import type { AppEnv } from './app-env.js';

/**
 * The benchmark's in-server automation pass (enabled by BENCH_AUTOMATIONS_ROUTE=1 only, never in a
 * deployment): POST {"now": epoch ms} runs runAutomationsYielding in this process, exactly as the
 * server's own loop does (automations/loop.ts), and answers when it is done with the report, the pass's
 * wall-clock span and its batches (size, how long each held the write lock and the thread). So the
 * benchmark measures the portal's throughput and event-loop delay while the production runner runs.
 */
export function benchAutomationsRoute(): Handler<AppEnv> {
  return async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as { now?: unknown };
    const now = typeof body.now === 'number' && Number.isFinite(body.now) ? body.now : c.get('deps').now();
    const { db, config } = c.get('deps');
    const batches: { tickets: number; lockMs: number }[] = [];
    const startedAt = performance.timeOrigin + performance.now();
    const report = await runAutomationsYielding(db, config, { now, holder: `bench-server-${process.pid}`, onBatch: (b) => batches.push(b) });
    const finishedAt = performance.timeOrigin + performance.now();
    return c.json({ report, startedAt, finishedAt, ms: Math.round((finishedAt - startedAt) * 10) / 10, batches }, 200);
  };
}
