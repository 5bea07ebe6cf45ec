import { DEMO_ACCOUNTS, dataFingerprint } from '@atende/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { malformedRequest, STACK_TRACE } from '../testing/fuzz-arbitraries.js';

/**
 * API fuzzing: thousands of malformed requests through the full middleware stack, as every role. None may
 * answer 5xx, leak a stack trace, or change a ticket; every refusal carries an error `code`.
 */

describe('API fuzzing (fast-check, every route, every role)', () => {
  let t: TestApp;
  let cookies: Record<string, string | undefined>;
  beforeAll(async () => {
    t = await createTestApp();
    cookies = {
      anonymous: undefined,
      contact: await t.signIn(DEMO_ACCOUNTS.contact),
      agent: await t.signIn(DEMO_ACCOUNTS.agent),
      admin: await t.signIn(DEMO_ACCOUNTS.admin),
    };
  });
  afterAll(() => t.dispose());

  it('thousands of malformed requests: no 5xx, no stack trace, a clear code, no ticket changed', async () => {
    const before = dataFingerprint(t.db);
    let requests = 0;
    await fc.assert(
      fc.asyncProperty(malformedRequest, async ({ who, method, url, headers, body }) => {
          const response = await t.request(method, url, { cookie: cookies[who], headers, body });
          requests += 1;
          expect(response.status, `${method} ${url}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
          expect(response.text).not.toMatch(STACK_TRACE);
          if (response.status >= 400) expect(response.json?.code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: 3000 },
    );
    expect(requests).toBeGreaterThanOrEqual(3000);
    expect(dataFingerprint(t.db)).toEqual(before);
  }, 120_000);
});
