import { dataFingerprintPg } from '@atende/db/pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzApp, fuzzCookies } from '../testing/fuzz-app.js';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';

/**
 * The API fuzz of http/api-fuzz.test.ts on PostgreSQL: every route, every role, malformed input. No
 * 5xx (PostgreSQL refuses what SQLite stores, a NUL character say: that must be a 400, not a crash), no
 * stack trace, a clear code, and no data changed.
 */
describe('API fuzzing on PostgreSQL', () => {
  let t: PgTestApp;
  let cookies: Record<string, string | undefined>;
  beforeAll(async () => {
    t = await createPgTestApp();
    cookies = await fuzzCookies(t);
  });
  afterAll(() => t?.dispose());

  it('thousands of malformed requests: no 5xx, no stack trace, a clear code, no ticket changed', async () => {
    const before = await dataFingerprintPg(t.pg);
    await fuzzApp(t, cookies, 2000);
    expect(await dataFingerprintPg(t.pg)).toEqual(before);
  }, 300_000);
});
