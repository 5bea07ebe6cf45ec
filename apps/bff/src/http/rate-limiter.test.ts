import { describe, expect, it } from 'vitest';
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
