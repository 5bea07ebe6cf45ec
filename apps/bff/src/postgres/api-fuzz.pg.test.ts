import { DEMO_ACCOUNTS } from '@atende/db';
import { dataFingerprintPg } from '@atende/db/pg';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { malformedRequest, STACK_TRACE } from '../testing/fuzz-arbitraries.js';
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
    cookies = {
      anonymous: undefined,
      contact: await t.signIn(DEMO_ACCOUNTS.contact),
      agent: await t.signIn(DEMO_ACCOUNTS.agent),
      admin: await t.signIn(DEMO_ACCOUNTS.admin),
    };
  });
  afterAll(() => t?.dispose());

  it('thousands of malformed requests: no 5xx, no stack trace, a clear code, no ticket changed', async () => {
    const before = await dataFingerprintPg(t.pg);
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(malformedRequest, async ({ who, method, url, headers, body }) => {
        const response = await t.request(method, url, { cookie: cookies[who], headers, body });
        requests += 1;
        expect(response.status, `${method} ${url}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
        expect(response.text).not.toMatch(STACK_TRACE);
        if (response.status >= 400) expect(response.json?.code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 2000 },
    );
    expect(requests).toBeGreaterThanOrEqual(2000);
    expect(await dataFingerprintPg(t.pg)).toEqual(before);
  }, 300_000);
});
