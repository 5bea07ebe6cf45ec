import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

describe('sign-in', () => {
  it.each([
    [DEMO_ACCOUNTS.contact, 'contact'],
    [DEMO_ACCOUNTS.agent, 'agent'],
    [DEMO_ACCOUNTS.admin, 'admin'],
  ])('%s signs in as %s with an httpOnly, SameSite=Lax session cookie', async (email, role) => {
    const response = await t.request('POST', '/api/auth/login', { body: { email, password: 'demo-senha-123' } });
    expect(response.status).toBe(200);
    expect(response.json.actor.role).toBe(role);
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });

  it('a wrong password and an unknown e-mail get the same pt-BR answer', async () => {
    const wrong = await t.request('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.contact, password: 'errada-123' } });
    const unknown = await t.request('POST', '/api/auth/login', { body: { email: 'ninguem@example.com', password: 'errada-123' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json).toEqual({ code: 'invalid_credentials', message: 'E-mail ou senha incorretos.' });
  });

  it('bad input is refused field by field in pt-BR', async () => {
    const response = await t.request('POST', '/api/auth/login', { body: { email: 'não é e-mail', password: '' } });
    expect(response.status).toBe(400);
    expect(response.json.code).toBe('validation_failed');
    expect(response.json.fields).toEqual({ email: 'E-mail inválido.', password: 'Informe sua senha.' });
  });

  it('throttles an account after 5 failures, whatever X-Forwarded-For claims, then lets the right password in later', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await t.request('POST', '/api/auth/login', {
        body: { email: DEMO_ACCOUNTS.agent, password: `errada-${i}` },
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      });
      expect(r.status).toBe(401);
    }
    const blocked = await t.request('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.agent, password: 'demo-senha-123' } });
    expect(blocked.status).toBe(429);
    expect(blocked.json.code).toBe('too_many_attempts');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    t.clock.now += 16 * 60_000;
    const later = await t.request('POST', '/api/auth/login', { body: { email: DEMO_ACCOUNTS.agent, password: 'demo-senha-123' } });
    expect(later.status).toBe(200);
  });
});

describe('sessions', () => {
  it('signing out ends the session on the server: the old cookie no longer works', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { cookie, body: {} })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('a new session id at every sign-in; the previous one is deleted', async () => {
    const first = await t.signIn(DEMO_ACCOUNTS.contact);
    const response = await t.request('POST', '/api/auth/login', { cookie: first, body: { email: DEMO_ACCOUNTS.contact, password: 'demo-senha-123' } });
    const second = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first);
    expect((await t.request('GET', '/api/auth/me', { cookie: first })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { cookie: second })).status).toBe(200);
  });

  it('expires after the idle timeout and after the absolute lifetime', async () => {
    const idle = await t.signIn(DEMO_ACCOUNTS.contact);
    t.clock.now += 121 * 60_000;
    expect((await t.request('GET', '/api/auth/me', { cookie: idle })).status).toBe(401);

    const active = await t.signIn(DEMO_ACCOUNTS.contact);
    for (let hour = 0; hour < 12; hour++) {
      t.clock.now += 60 * 60_000;
      const status = (await t.request('GET', '/api/auth/me', { cookie: active })).status;
      expect(status).toBe(hour < 11 ? 200 : 401);
    }
  });
});

describe('cross-site writes and headers', () => {
  it.each([
    ['application/x-www-form-urlencoded', 'email=a'],
    ['multipart/form-data; boundary=x', '--x--'],
    ['text/plain', '{"email":"a"}'],
    ['', '{"email":"a"}'],
  ])('refuses a state-changing request of type "%s" with 415', async (type, body) => {
    const response = await t.request('POST', '/api/auth/login', { body, headers: { 'content-type': type } });
    expect(response.status).toBe(415);
  });

  it('refuses JSON from a foreign or missing origin with 403', async () => {
    const foreign = await t.request('POST', '/api/auth/logout', { body: {}, headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const missing = await t.app.request('/api/auth/logout', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(missing.status).toBe(403);
  });

  it.each(['/healthz', '/api/nao-existe', '/api/customer/tickets'])('sends CSP, nosniff and frame protections on %s', async (path) => {
    const response = await t.request('GET', path);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBeTruthy();
  });

  it('GET /healthz answers 200', async () => {
    expect((await t.request('GET', '/healthz')).status).toBe(200);
  });
});
