/**
 * Fixed windows of hits per key: the one counting mechanism behind every limit (sign-in failures,
 * reset requests, rating-link pages, inbound e-mail, the chat-tool API). In memory: the BFF is one
 * process, and a restart forgetting counts only helps a legitimate user. Keys should be the socket
 * address and the account, never a client-supplied X-Forwarded-For.
 */
export interface FixedWindows {
  /** Hits of `key` in its current window and when that window ends; null when it has none. */
  current(key: string, now: number): { hits: number; endsAt: number } | null;
  /** Counts one hit (a new window starts at the first hit after the last one ended). */
  add(key: string, now: number): void;
  reset(key: string): void;
}

const SWEEP_ABOVE = 100_000;

export function createFixedWindows(windowMs: number): FixedWindows {
  const windows = new Map<string, { startedAt: number; hits: number }>();
  const live = (key: string, now: number) => {
    const w = windows.get(key);
    return w && now - w.startedAt < windowMs ? w : null;
  };
  return {
    current(key, now) {
      const w = live(key, now);
      return w ? { hits: w.hits, endsAt: w.startedAt + windowMs } : null;
    },
    add(key, now) {
      const w = live(key, now);
      if (w) w.hits += 1;
      else windows.set(key, { startedAt: now, hits: 1 });
      // Many distinct keys (a scan over addresses): drop the ended windows so memory stays bounded.
      if (windows.size > SWEEP_ABOVE) for (const k of windows.keys()) if (!live(k, now)) windows.delete(k);
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** Milliseconds until every key is under its limit again, or 0. */
export function waitForKeys(windows: FixedWindows, keys: string[], limitOf: (key: string) => number, now: number): number {
  let wait = 0;
  for (const key of keys) {
    const w = windows.current(key, now);
    if (w && w.hits >= limitOf(key)) wait = Math.max(wait, w.endsAt - now);
  }
  return wait;
}

export interface RateLimiter {
  /** Counts a hit on every key under its limit; returns 0 when allowed, else the milliseconds until the busiest key frees up. */
  hit(keys: string[], now: number): number;
}

/** At most `limit` hits per key per window. */
export function createRateLimiter(options: { limit: number; windowMs: number }): RateLimiter {
  const windows = createFixedWindows(options.windowMs);
  const limitOf = () => options.limit;
  return {
    hit(keys, now) {
      const wait = waitForKeys(windows, keys, limitOf, now);
      for (const key of keys) if (waitForKeys(windows, [key], limitOf, now) === 0) windows.add(key, now);
      return wait;
    },
  };
}
