import fc from 'fast-check';
import { ROUTE_POLICIES } from '../http/route-policies.js';

/**
 * Generators of malformed API requests, shared by the in-process fuzz test and the one against a real
 * server (reliability suite).
 */

// Routes whose valid use changes no ticket but ends or starts a session: left to the auth tests.
export const FUZZED = Object.keys(ROUTE_POLICIES).filter((key) => key !== 'POST /auth/logout');

export const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', "' or 1=1 --", '../../etc/passwd', '%00', '💥'.repeat(50)),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)), // up to past the body limit
);
export const weirdId = fc.oneof(
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
export const rawBody = fc.oneof(malformedBody, weirdText, fc.constantFrom('{', '{"body":', '[]', 'null', '{"__proto__":{"x":1}}'));
export const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'APPLICATION/JSON', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined);

export const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+|Error: /;

/** One malformed request: route, caller, URL, headers and body. */
export const malformedRequest = fc
  .record({
    key: fc.constantFrom(...FUZZED),
    who: fc.constantFrom('anonymous', 'contact', 'agent', 'admin'),
    id: weirdId,
    body: rawBody,
    type: contentType,
    query: fc.dictionary(fc.constantFrom('tab', 'cursor', 'before', 'x'), weirdText, { maxKeys: 2 }),
  })
  .map(({ key, who, id, body, type, query }) => {
    const [method, path] = key.split(' ') as [string, string];
    const search = new URLSearchParams(query).toString();
    const headers: Record<string, string> = {};
    if (type) headers['content-type'] = type;
    return {
      who,
      method,
      url: `/api${path.replace(':id', id).replace(':token', id)}${search ? `?${search}` : ''}`,
      headers,
      body: method === 'GET' ? undefined : body,
    };
  });
