import { dataFingerprint } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { fuzzApp, fuzzCookies } from '../testing/fuzz-app.js';

/**
 * API fuzzing: thousands of malformed requests through the full middleware stack, as every role. None may
 * answer 5xx, leak a stack trace, or change a ticket; every refusal carries an error `code`.
 */

describe('API fuzzing (fast-check, every route, every role)', () => {
  let t: TestApp;
  let cookies: Record<string, string | undefined>;
  beforeAll(async () => {
    t = await createTestApp();
    cookies = await fuzzCookies(t);
  });
  afterAll(() => t.dispose());

  it('thousands of malformed requests: no 5xx, no stack trace, a clear code, no ticket changed', async () => {
    const before = dataFingerprint(t.db);
    await fuzzApp(t, cookies, 3000);
    expect(dataFingerprint(t.db)).toEqual(before);
  }, 120_000);
});
