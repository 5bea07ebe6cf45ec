import { hc } from 'hono/client';
import type { Hono } from 'hono';
import type { ApiType } from '../app.js';

/** The origin every test request claims: the app refuses cross-origin JSON writes (sameOriginJson). */
export const TEST_ORIGIN = 'http://localhost:3000';

/**
 * The BFF's typed client (the SPA's own `hc<ApiType>`) over app.request(): no server, no port, the whole
 * middleware stack. Paths, inputs and response bodies are checked by the compiler, so a test breaks at
 * typecheck when a route changes shape. `cookie` is the session of who is asking (see TestApp.signIn).
 */
export function createTestClient(app: Pick<Hono<any>, 'request'>, cookie?: string) {
  return hc<ApiType>(`${TEST_ORIGIN}/api`, {
    fetch: ((input: Request | string | URL, init?: RequestInit) => app.request(input, init)) as typeof fetch,
    headers: { origin: TEST_ORIGIN, ...(cookie ? { cookie } : {}) },
  });
}

export type TestClient = ReturnType<typeof createTestClient>;
