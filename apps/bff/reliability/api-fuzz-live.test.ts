import { join } from 'node:path';
import { closeDatabase, dataFingerprint, integrityCheck, openDatabase } from '@atende/db';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { malformedRequest, STACK_TRACE } from '../src/testing/fuzz-arbitraries.js';
import { client, realServer, type RealServer } from './server-process.js';

/** The API fuzz against the running server over real HTTP: sockets, body parsing, limits, logging. */
let server: RealServer;
afterAll(() => server?.stop());

const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

describe('API fuzzing against the running server', () => {
  it(`${RUNS} malformed requests: no 5xx, no stack trace, a clear code, no ticket changed`, async () => {
    server = await realServer();
    await server.start();
    const cookies: Record<string, string | undefined> = { anonymous: undefined };
    for (const [who, email] of [['contact', 'cliente@example.com'], ['agent', 'agente@example.com'], ['admin', 'admin@example.com']] as const) {
      const c = client(server.origin);
      await c.signIn(email);
      cookies[who] = c.cookie();
    }
    const file = join(server.dataDir, 'atende.db');
    const reader = openDatabase(file);
    const before = dataFingerprint(reader);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(malformedRequest, async ({ who, method, url, headers, body }) => {
        const cookie = cookies[who];
        const response = await fetch(`${server.origin}${url}`, {
          method,
          headers: { origin: server.origin, ...headers, ...(cookie ? { cookie } : {}) },
          body,
        });
        // The live-event stream (GET /api/events) never ends by design: its answer is judged by the head.
        const streaming = response.headers.get('content-type')?.startsWith('text/event-stream') ?? false;
        if (streaming) await response.body?.cancel();
        const text = streaming ? '' : await response.text();
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        expect(response.status, `${method} ${url}: ${text.slice(0, 300)}`).toBeLessThan(500);
        expect(text).not.toMatch(STACK_TRACE);
        // Node's HTTP parser answers 431 (no body) to a request head over 16 KiB before the app sees it.
        if (response.status === 431) return;
        if (response.status >= 400) expect(JSON.parse(text).code, `${method} ${url}`).toMatch(/^[a-z_]+$/);
      }),
      { numRuns: RUNS },
    );
    expect(dataFingerprint(reader)).toEqual(before);
    expect(integrityCheck(reader)).toBe('ok');
    closeDatabase(reader);
    console.log(`live fuzz: ${RUNS} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });
});
