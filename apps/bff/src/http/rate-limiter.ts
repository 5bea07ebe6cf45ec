/**
 * A fixed-window limiter for any key (an address, an e-mail, a rating link, an inbound sender): at most
 * `limit` hits per key per window. In memory: the BFF is one process. Reusable for reset requests,
 * rating-link pages and inbound e-mail; keys should be the socket address and the account, never a
 * client-supplied X-Forwarded-For.
 */
export interface RateLimiter {
  /** Counts a hit on every key; returns 0 when allowed, else the milliseconds until the busiest key frees up. */
  hit(keys: string[], now: number): number;
}

export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; hits: number }>();
  return {
    hit(keys, now) {
      let wait = 0;
      for (const key of keys) {
        let w = windows.get(key);
        if (!w || now - w.startedAt >= options.windowMs) {
          w = { startedAt: now, hits: 0 };
          windows.set(key, w);
        }
        if (w.hits >= options.limit) wait = Math.max(wait, w.startedAt + options.windowMs - now);
        else w.hits += 1;
      }
      if (windows.size > 100_000) {
        for (const [key, w] of windows) if (now - w.startedAt >= options.windowMs) windows.delete(key);
      }
      return wait;
    },
  };
}
