import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.dispose());

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

it('GET /openapi.json documents every chat-tool route, and every documented operation answers (not 404)', async () => {
  const response = await t.request('GET', '/openapi.json');
  expect(response.status).toBe(200);
  const paths = response.json.paths as Record<string, Partial<Record<(typeof METHODS)[number], unknown>>>;
  const documented = Object.entries(paths).flatMap(([path, item]) => METHODS.filter((m) => item[m] !== undefined).map((m) => `${m.toUpperCase()} ${path}`));

  // The integration API as the server routes it: each of its routes is in the document.
  const served = t.app.routes.filter((r) => r.path.startsWith('/integrations/') && r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  expect(served.length).toBeGreaterThan(0);
  expect(served.filter((route) => !documented.includes(route))).toEqual([]);

  for (const operation of documented) {
    const [method, path] = operation.split(' ') as [string, string];
    // Without a token or a body: a documented route refuses (401/400) or answers, it never is unknown.
    const answer = await t.request(method, path, method === 'GET' ? {} : { body: {} });
    expect({ operation, status: answer.status }).not.toEqual({ operation, status: 404 });
  }
});
