import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

/** Header snapshot (ASVS 3.4): the same security headers on 200, 404, 500, SPA and static answers. */

const SECURITY_HEADERS = [
  'content-security-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-frame-options',
  'referrer-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
] as const;

function securityHeadersOf(headers: Headers) {
  return Object.fromEntries(SECURITY_HEADERS.map((name) => [name, headers.get(name)]));
}

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  // A tiny built SPA, so static answers are tested without running the web build.
  webDist = mkdtempSync(join(tmpdir(), 'atende-web-'));
  mkdirSync(join(webDist, 'assets'));
  writeFileSync(join(webDist, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
  writeFileSync(join(webDist, 'assets', 'app.js'), 'console.log(1)');
  t = await createTestApp({ env: { WEB_DIST: webDist } });
});
afterAll(() => {
  t.dispose();
  rmSync(webDist, { recursive: true, force: true });
});

describe('security headers on every kind of answer', () => {
  it('match the snapshot on 200 (API, SPA, static), 404 and 500', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const answers = {
      api200: await t.request('GET', '/api/customer/tickets/counts', { cookie }),
      health200: await t.request('GET', '/healthz'),
      spa200: await t.request('GET', '/painel'),
      static200: await t.request('GET', '/assets/app.js'),
      api404: await t.request('GET', '/api/nao-existe', { cookie }),
      api500: await (async () => {
        t.db.$client.exec('drop table ticket_events'); // a broken database: the request fails inside the server
        return t.request('GET', `/api/agent/tickets/1`, { cookie: await t.signIn(DEMO_ACCOUNTS.agent) });
      })(),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([name, a]) => [name, a.status]))).toEqual({
      api200: 200,
      health200: 200,
      spa200: 200,
      static200: 200,
      api404: 404,
      api500: 500,
    });
    for (const [name, answer] of Object.entries(answers)) {
      expect(securityHeadersOf(answer.headers), name).toMatchInlineSnapshot(`
        {
          "content-security-policy": "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
          "cross-origin-opener-policy": "same-origin",
          "cross-origin-resource-policy": "same-origin",
          "referrer-policy": "strict-origin-when-cross-origin",
          "strict-transport-security": "max-age=31536000; includeSubDomains",
          "x-content-type-options": "nosniff",
          "x-frame-options": "DENY",
        }
      `);
    }
    // API answers are never cached; a 500 shows a request id, never a stack trace.
    expect(answers.api200.headers.get('cache-control')).toBe('no-store');
    expect(answers.api500.json).toMatchObject({ code: 'internal_error', requestId: expect.any(String) });
    expect(answers.api500.text).not.toMatch(/\n\s+at |SqliteError|ticket_events/);
  });
});

describe('HSTS outside development only (ASVS 12.1.1)', () => {
  it.each([
    ['production', 'max-age=31536000; includeSubDomains'],
    ['test', 'max-age=31536000; includeSubDomains'],
    ['development', null],
  ])('NODE_ENV=%s → %s', async (env, expected) => {
    // Production also needs its public address and a mail decision (the start-up check refuses otherwise).
    const app = await createTestApp({ env: { NODE_ENV: env, ...(env === 'production' ? { PUBLIC_ORIGIN: 'http://localhost:3000', MAIL_MODE: 'mailbox' } : {}) } });
    try {
      expect((await app.request('GET', '/healthz')).headers.get('strict-transport-security')).toBe(expected);
    } finally {
      app.dispose();
    }
  });
});

describe('request body size limit (ASVS 4.3)', () => {
  it('refuses a body over 64 KiB with 413 and a clear code, before reading it into a handler', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    const big = await t.request('POST', '/api/customer/tickets/1/replies', { cookie, body: { body: 'x'.repeat(70 * 1024), expectedVersion: 1 } });
    expect(big.status).toBe(413);
    expect(big.json).toMatchObject({ code: 'payload_too_large', message: 'O conteúdo enviado é grande demais.' });
  });
});
