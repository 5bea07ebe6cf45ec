import { createFixedWindows, waitForKeys } from '../http/rate-limiter.js';

/**
 * Sign-in throttling: failures (not attempts) are counted per account and per client address, in the
 * fixed windows of http/rate-limiter.ts. The address is the socket's, never a client-supplied
 * X-Forwarded-For.
 */
export interface LoginThrottle {
  /** Milliseconds to wait before another attempt for these keys, or 0. */
  retryAfterMs(keys: string[], now: number): number;
  recordFailure(keys: string[], now: number): void;
  reset(key: string): void;
}

export function createLoginThrottle(options: { maxFailures: (key: string) => number; windowMs: number }): LoginThrottle {
  const failures = createFixedWindows(options.windowMs);
  return {
    retryAfterMs: (keys, now) => waitForKeys(failures, keys, options.maxFailures, now),
    recordFailure(keys, now) {
      for (const key of keys) failures.add(key, now);
    },
    reset: (key) => failures.reset(key),
  };
}

/** Defaults: 5 failures per account, 20 per address, in 15-minute windows. */
export function defaultLoginThrottle(): LoginThrottle {
  return createLoginThrottle({ maxFailures: (key) => (key.startsWith('account:') ? 5 : 20), windowMs: 15 * 60_000 });
}
