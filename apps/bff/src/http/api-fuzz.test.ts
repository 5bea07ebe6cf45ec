import { DEMO_ACCOUNTS, dataFingerprint } from '@atende/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';
import { ROUTE_POLICIES } from './route-policies.js';

/**
 * API fuzzing: thousands of malformed requests through the full middleware stack, as every role. None may
 * answer 5xx, leak a stack trace, or change a ticket; every refusal carries an error `code`.
 */

// Routes whose valid use changes no ticket but ends or starts a session: left to the auth tests.
const FUZZED = Object.keys(ROUTE_POLICIES).filter((key) => key !== 'POST /auth/logout');

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '💥'.repeat(50)),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)), // up to past the body limit
);
const weirdId = fc.oneof(
  fc.constantFrom('0', '-1', '1.5', '1e3', 'NaN', 'null', '99999999', '9007199254740993', '%20', 'abc', '0x10', '١٢'),
  fc.integer({ min: 1_000, max: 2 ** 40 }).map(String),
  weirdText.filter((s) => s.length > 0 && s.length < 200).map(encodeURIComponent),
);
const weirdValue = fc.oneof(weirdText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.nat(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/**
 * A body that no write route accepts: a valid-looking shape with one field corrupted, a missing field, an
 * unknown key, or not an object at all. `expectedVersion` is never a version a ticket has.
 */
const malformedBody = fc.oneof(
  fc.record({ body: weirdValue, expectedVersion: fc.oneof(fc.constant(0), fc.constant(-1), weirdText, fc.constant(null)) }),
  fc.record({ body: weirdText, visibility: weirdValue, expectedVersion: fc.constant('1') }),
  fc.record({ status: weirdValue, expectedVersion: fc.double({ min: 0.1, max: 0.9 }) }),
  fc.record({ body: fc.constant('ok'), expectedVersion: fc.constant(1), extra: weirdValue }, { requiredKeys: ['extra'] }),
  fc.record({ email: weirdValue, password: weirdValue }, { requiredKeys: [] }),
  weirdValue,
).map((value) => JSON.stringify(value) ?? 'undefined');
const rawBody = fc.oneof(malformedBody, weirdText, fc.constantFrom('{', '{"body":', '[]', 'null', '{"__proto__":{"x":1}}'));
const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined);

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+|Error: /;

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
      fc.asyncProperty(
        fc.constantFrom(...FUZZED),
        fc.constantFrom('anonymous', 'contact', 'agent', 'admin'),
        weirdId,
        rawBody,
        contentType,
        fc.dictionary(fc.constantFrom('tab', 'cursor', 'x'), weirdText, { maxKeys: 2 }),
        async (key, who, id, body, type, query) => {
          const [method, path] = key.split(' ') as [string, string];
          const search = new URLSearchParams(query).toString();
          const url = `/api${path.replace(':id', id).replace(':token', id)}${search ? `?${search}` : ''}`;
          const headers: Record<string, string> = {};
          if (type) headers['content-type'] = type;
          const response = await t.request(method, url, {
            cookie: cookies[who],
            headers,
            body: method === 'GET' ? undefined : body,
          });
          requests += 1;
          expect(response.status, `${method} ${url}: ${response.text.slice(0, 300)}`).toBeLessThan(500);
          expect(response.text).not.toMatch(STACK_TRACE);
          if (response.status >= 400) expect(response.json?.code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
        },
      ),
      { numRuns: 3000 },
    );
    expect(requests).toBeGreaterThanOrEqual(3000);
    expect(dataFingerprint(t.db)).toEqual(before);
  }, 120_000);
});
