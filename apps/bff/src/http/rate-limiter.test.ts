import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { createRateLimiter } from './rate-limiter.js';

describe('rate limiter (reusable: reset requests, rating-link pages, inbound e-mail)', () => {
  it('allows `limit` hits per key per window, reports the wait, and forgets after the window', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 });
    expect(limiter.hit(['address:1.2.3.4'], 0)).toBe(0);
    expect(limiter.hit(['address:1.2.3.4'], 10_000)).toBe(0);
    expect(limiter.hit(['address:1.2.3.4'], 20_000)).toBe(40_000);
    expect(limiter.hit(['address:5.6.7.8'], 20_000)).toBe(0); // another key is not affected
    expect(limiter.hit(['address:1.2.3.4'], 60_000)).toBe(0);
  });

  it('refuses when any of the keys is exhausted (the account or the address)', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 });
    expect(limiter.hit(['email:a', 'address:x'], 0)).toBe(0);
    expect(limiter.hit(['email:b', 'address:x'], 10)).toBe(990);
  });
});

describe('sign-in throttling on the same fixed windows', () => {
  it('counts failures per key, makes the caller wait until the window ends, and a success resets the account', () => {
    const throttle = createLoginThrottle({ maxFailures: (key) => (key.startsWith('account:') ? 2 : 5), windowMs: 1_000 });
    throttle.recordFailure(['account:a', 'address:x'], 0);
    expect(throttle.retryAfterMs(['account:a', 'address:x'], 100)).toBe(0);
    throttle.recordFailure(['account:a', 'address:x'], 200);
    expect(throttle.retryAfterMs(['account:a', 'address:x'], 300)).toBe(700);
    throttle.reset('account:a');
    expect(throttle.retryAfterMs(['account:a', 'address:x'], 300)).toBe(0);
    expect(throttle.retryAfterMs(['account:a'], 1_000)).toBe(0);
  });
});
