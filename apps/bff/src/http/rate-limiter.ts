import { deleteEndedThrottleWindows, hitThrottleWindow, resetThrottleWindow, throttleWindow, type Database } from '@atende/db/store';

/**
 * Fixed windows of hits per key: the one counting mechanism behind every limit (sign-in failures,
 * reset requests, rating-link pages, inbound e-mail, the chat-tool API). Keys should be the socket
 * address and the account, never a client-supplied X-Forwarded-For.
 *
 * Where they are counted depends on the deployment: one instance on SQLite counts in memory (a restart
 * forgetting counts only helps a legitimate user, and a flood never reaches the disk); several
 * instances on PostgreSQL count in the database, so a client cannot multiply its attempts by the
 * number of instances behind the load balancer (issue 16).
 */
export interface WindowCount {
  hits: number;
  endsAt: number;
}

export interface WindowCounter {
  /** Counts one hit of `key`; a new window starts at the first hit after the last one ended. */
  hit(key: string, now: number, windowMs: number): WindowCount | Promise<WindowCount>;
  /** The key's running window, or null. */
  current(key: string, now: number): WindowCount | null | Promise<WindowCount | null>;
  reset(key: string): void | Promise<void>;
}

const SWEEP_ABOVE = 100_000;

export function memoryCounter(): WindowCounter {
  const windows = new Map<string, WindowCount>();
  const live = (key: string, now: number) => {
    const w = windows.get(key);
    return w && w.endsAt > now ? w : null;
  };
  return {
    hit(key, now, windowMs) {
      let w = live(key, now);
      if (w) w.hits += 1;
      else windows.set(key, (w = { hits: 1, endsAt: now + windowMs }));
      // Many distinct keys (a scan over addresses): drop the ended windows so memory stays bounded.
      if (windows.size > SWEEP_ABOVE) for (const k of windows.keys()) if (!live(k, now)) windows.delete(k);
      return { ...w };
    },
    current(key, now) {
      const w = live(key, now);
      return w ? { ...w } : null;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** Counted in the database (the throttle_windows table): shared by every instance. */
export function storeCounter(db: Database): WindowCounter {
  let sweptAt = 0;
  return {
    async hit(key, now, windowMs) {
      const window = await hitThrottleWindow(db, { key, now, windowMs });
      // Ended windows are dropped now and then, so the table holds about one window of distinct keys.
      if (now - sweptAt > 60_000) {
        sweptAt = now;
        await deleteEndedThrottleWindows(db, now);
      }
      return window;
    },
    current: (key, now) => throttleWindow(db, { key, now }),
    reset: (key) => resetThrottleWindow(db, key),
  };
}

/** Memory for the one process on SQLite; the database when instances share PostgreSQL. */
export function counterFor(db: Database): WindowCounter {
  return db.engine === 'pg' ? storeCounter(db) : memoryCounter();
}

export interface RateLimiter {
  /** Counts a hit on every key; 0 when all are within the limit, else the milliseconds until the busiest frees up. */
  hit(counter: WindowCounter, keys: string[], now: number): Promise<number>;
}

/** At most `limit` hits per key per window. `name` keeps its windows apart from other limits on the same keys. */
export function createRateLimiter(options: { name: string; limit: number; windowMs: number }): RateLimiter {
  return {
    async hit(counter, keys, now) {
      let wait = 0;
      for (const key of keys) {
        const window = await counter.hit(`${options.name}:${key}`, now, options.windowMs);
        if (window.hits > options.limit) wait = Math.max(wait, window.endsAt - now);
      }
      return wait;
    },
  };
}
