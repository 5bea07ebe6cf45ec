import type { WindowCounter } from '../http/rate-limiter.js';

/**
 * Sign-in throttling: failures (not attempts) are counted per account and per client address, in the
 * fixed windows of http/rate-limiter.ts (memory on one instance, the database across instances). The
 * address is the socket's (or the trusted proxy's X-Forwarded-For), never a client's own claim.
 */
export interface LoginThrottle {
  /** Milliseconds to wait before another attempt for these keys, or 0. */
  retryAfterMs(keys: string[], now: number): Promise<number>;
  recordFailure(keys: string[], now: number): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createLoginThrottle(counter: WindowCounter, options: { maxFailures: (key: string) => number; windowMs: number }): LoginThrottle {
  const named = (key: string) => `sign_in_failures:${key}`;
  return {
    async retryAfterMs(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const window = await counter.current(named(key), now);
        if (window && window.hits >= options.maxFailures(key)) wait = Math.max(wait, window.endsAt - now);
      }
      return wait;
    },
    async recordFailure(keys, now) {
      for (const key of keys) await counter.hit(named(key), now, options.windowMs);
    },
    reset: async (key) => {
      await counter.reset(named(key));
    },
  };
}

/** Defaults: 5 failures per account, 20 per address, in 15-minute windows. */
export function defaultLoginThrottle(counter: WindowCounter): LoginThrottle {
  return createLoginThrottle(counter, { maxFailures: (key) => (key.startsWith('account:') ? 5 : 20), windowMs: 15 * 60_000 });
}
