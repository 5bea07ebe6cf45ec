import { DEMO_ACCOUNTS } from '@atende/db';
import fc from 'fast-check';
import { expect } from 'vitest';
import { malformedRequest, STACK_TRACE } from './fuzz-arbitraries.js';
import type { TestApp } from './test-app.js';

type App = Pick<TestApp, 'request' | 'signIn'>;

/** The demo's roles, signed in once for a fuzz run (anonymous: no cookie). */
export async function fuzzCookies(t: App): Promise<Record<string, string | undefined>> {
  return {
    anonymous: undefined,
    contact: await t.signIn(DEMO_ACCOUNTS.contact),
    agent: await t.signIn(DEMO_ACCOUNTS.agent),
    admin: await t.signIn(DEMO_ACCOUNTS.admin),
  };
}

/**
 * `runs` malformed requests through the full middleware stack, as every role: none may answer 5xx or
 * leak a stack trace, and every refusal carries an error `code`. Whatever the engine behind the app.
 */
export async function fuzzApp(t: App, cookies: Record<string, string | undefined>, runs: number): Promise<void> {
  let requests = 0;
  await fc.assert(
    fc.asyncProperty(malformedRequest, async ({ who, method, url, headers, body }) => {
      const response = await t.request(method, url, { cookie: cookies[who], headers, body });
      requests += 1;
      expect(response.status, `${method} ${url}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
      expect(response.text).not.toMatch(STACK_TRACE);
      if (response.status >= 400) expect(response.json?.code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
    }),
    { numRuns: runs },
  );
  expect(requests).toBeGreaterThanOrEqual(runs);
}
