/**
 * Sign-in throttling: failures are counted per account and per client address in fixed windows. The
 * address is the socket's, never a client-supplied X-Forwarded-For. Kept in memory: the BFF is one
 * process, and a restart forgetting counts only helps a legitimate user.
 */
export interface LoginThrottle {
  /** Milliseconds to wait before another attempt for these keys, or 0. */
  retryAfterMs(keys: string[], now: number): number;
  recordFailure(keys: string[], now: number): void;
  reset(key: string): void;
}

export function createLoginThrottle(options: { maxFailures: (key: string) => number; windowMs: number }): LoginThrottle {
  const windows = new Map<string, { startedAt: number; failures: number }>();
  const current = (key: string, now: number) => {
    const w = windows.get(key);
    if (!w || now - w.startedAt >= options.windowMs) return null;
    return w;
  };
  return {
    retryAfterMs(keys, now) {
      let wait = 0;
      for (const key of keys) {
        const w = current(key, now);
        if (w && w.failures >= options.maxFailures(key)) wait = Math.max(wait, w.startedAt + options.windowMs - now);
      }
      return wait;
    },
    recordFailure(keys, now) {
      for (const key of keys) {
        const w = current(key, now);
        if (w) w.failures += 1;
        else windows.set(key, { startedAt: now, failures: 1 });
      }
      if (windows.size > 100_000) {
        for (const [key] of windows) if (!current(key, now)) windows.delete(key);
      }
    },
    reset(key) {
      windows.delete(key);
    },
  };
}

/** Defaults: 5 failures per account, 20 per address, in 15-minute windows. */
export function defaultLoginThrottle(): LoginThrottle {
  return createLoginThrottle({ maxFailures: (key) => (key.startsWith('account:') ? 5 : 20), windowMs: 15 * 60_000 });
}
