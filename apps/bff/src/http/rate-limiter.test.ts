import { createTestDatabase } from '@atende/db/testing';
import { sqliteStore } from '@atende/db/store';
import { describe, expect, it } from 'vitest';
import { createLoginThrottle } from '../auth/login-throttle.js';
import { createRateLimiter, memoryCounter, storeCounter, type WindowCounter } from './rate-limiter.js';

/** The same rules whether windows are counted in memory (one instance) or in the database (several). */
function withEachCounter(run: (counter: WindowCounter) => Promise<void>) {
  return async () => {
    await run(memoryCounter());
    const { db, dispose } = createTestDatabase();
    const store = sqliteStore(db);
    try {
      await run(storeCounter(store));
    } finally {
      store.reader.$client.close();
      dispose();
    }
  };
}

describe('rate limiter (reset requests, rating-link pages, inbound e-mail), in memory and in the database', () => {
  it(
    'allows `limit` hits per key per window, reports the wait, and forgets after the window',
    withEachCounter(async (counter) => {
      const limiter = createRateLimiter({ name: 'test', limit: 2, windowMs: 60_000 });
      expect(await limiter.hit(counter, ['address:1.2.3.4'], 0)).toBe(0);
      expect(await limiter.hit(counter, ['address:1.2.3.4'], 10_000)).toBe(0);
      expect(await limiter.hit(counter, ['address:1.2.3.4'], 20_000)).toBe(40_000);
      expect(await limiter.hit(counter, ['address:5.6.7.8'], 20_000)).toBe(0); // another key is not affected
      expect(await limiter.hit(counter, ['address:1.2.3.4'], 60_000)).toBe(0);
    }),
  );

  it(
    'refuses when any of the keys is exhausted (the account or the address)',
    withEachCounter(async (counter) => {
      const limiter = createRateLimiter({ name: 'test', limit: 1, windowMs: 1_000 });
      expect(await limiter.hit(counter, ['email:a', 'address:x'], 0)).toBe(0);
      expect(await limiter.hit(counter, ['email:b', 'address:x'], 10)).toBe(990);
    }),
  );

  it(
    'two limits on the same keys count apart (a sign-up does not spend a password reset)',
    withEachCounter(async (counter) => {
      const resets = createRateLimiter({ name: 'reset', limit: 1, windowMs: 1_000 });
      const signUps = createRateLimiter({ name: 'sign_up', limit: 1, windowMs: 1_000 });
      expect(await resets.hit(counter, ['address:x'], 0)).toBe(0);
      expect(await signUps.hit(counter, ['address:x'], 0)).toBe(0);
      expect(await resets.hit(counter, ['address:x'], 1)).toBe(999);
    }),
  );
});

describe('sign-in throttling on the same fixed windows', () => {
  it(
    'counts failures per key, makes the caller wait until the window ends, and a success resets the account',
    withEachCounter(async (counter) => {
      const throttle = createLoginThrottle(counter, { maxFailures: (key) => (key.startsWith('account:') ? 2 : 5), windowMs: 1_000 });
      await throttle.recordFailure(['account:a', 'address:x'], 0);
      expect(await throttle.retryAfterMs(['account:a', 'address:x'], 100)).toBe(0);
      await throttle.recordFailure(['account:a', 'address:x'], 200);
      expect(await throttle.retryAfterMs(['account:a', 'address:x'], 300)).toBe(700);
      await throttle.reset('account:a');
      expect(await throttle.retryAfterMs(['account:a', 'address:x'], 300)).toBe(0);
      expect(await throttle.retryAfterMs(['account:a'], 1_000)).toBe(0);
    }),
  );
});
