import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '@atende/db';
import { recordAudit } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commonPasswordCount } from '../auth/password-policy.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { settled } from '../http/after-response.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const NEW_PASSWORD = 'cavalo correto bateria grampo';

async function requestReset(email: string) {
  const answer = await t.request('POST', '/api/account/password-reset', { body: { email } });
  await settled(); // the link is issued after the answer
  return answer;
}
function tokenOf(email: string): string {
  const link = t.mailer.lastLinkTo(email);
  expect(link).toBeDefined();
  return link!.url.split('/').at(-1)!;
}
async function signInStatus(email: string, password: string) {
  return (await t.request('POST', '/api/auth/login', { body: { email, password } })).status;
}
async function tableText(): Promise<string> {
  // The whole database as text: a raw token must appear nowhere in it.
  return JSON.stringify(await t.rows('select * from account_tokens order by id'));
}

describe('password reset by e-mailed link (ASVS 6.4.1, 6.4.2)', () => {
  it('the link sets a new password once; its token is stored only hashed', async () => {
    expect((await requestReset(DEMO_ACCOUNTS.contact)).status).toBe(202);
    const link = t.mailer.lastLinkTo(DEMO_ACCOUNTS.contact)!;
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/redefinir-senha\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBe(t.clock.now + 60 * 60_000);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    expect(await tableText()).not.toContain(token);

    const page = await t.request('GET', `/api/account/links/${token}`);
    expect(page.json.link).toMatchObject({ purpose: 'password_reset', email: DEMO_ACCOUNTS.contact });
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: NEW_PASSWORD } })).status).toBe(200);
    expect(await signInStatus(DEMO_ACCOUNTS.contact, NEW_PASSWORD)).toBe(200);
    expect(await signInStatus(DEMO_ACCOUNTS.contact, DEMO_PASSWORD)).toBe(401);

    const again = await t.request('POST', `/api/account/links/${token}`, { body: { password: 'outra senha bem longa' } });
    expect(again.status).toBe(410);
    expect(again.json).toMatchObject({ code: 'link_invalid', message: expect.stringContaining('já foi usado ou expirou') });
    expect((await t.request('GET', `/api/account/links/${token}`)).json.code).toBe('link_invalid');
  });

  it('opening the link (GET) never spends it, however often a mail scanner follows it', async () => {
    await requestReset(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    const before = await tableText();
    for (let i = 0; i < 5; i++) expect((await t.request('GET', `/api/account/links/${token}`)).status).toBe(200);
    expect(await tableText()).toBe(before);
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: NEW_PASSWORD } })).status).toBe(200);
  });

  it('expires after one hour', async () => {
    await requestReset(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    t.clock.now += 60 * 60_000;
    expect((await t.request('GET', `/api/account/links/${token}`)).status).toBe(410);
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: NEW_PASSWORD } })).status).toBe(410);
    expect(await signInStatus(DEMO_ACCOUNTS.contact, DEMO_PASSWORD)).toBe(200);
  });

  it('two submissions racing on one link: exactly one sets the password', async () => {
    await requestReset(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    const answers = await Promise.all(
      ['primeira senha bem longa', 'segunda senha bem longa', 'terceira senha bem longa'].map((password) =>
        t.request('POST', `/api/account/links/${token}`, { body: { password } }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410, 410]);
  });

  it('a newer link replaces the older one', async () => {
    await requestReset(DEMO_ACCOUNTS.contact);
    const first = tokenOf(DEMO_ACCOUNTS.contact);
    await requestReset(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', `/api/account/links/${first}`)).status).toBe(410);
    expect((await t.request('GET', `/api/account/links/${tokenOf(DEMO_ACCOUNTS.contact)}`)).status).toBe(200);
  });

  it('ends every session of the account', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.contact);
    await requestReset(DEMO_ACCOUNTS.contact);
    await t.request('POST', `/api/account/links/${tokenOf(DEMO_ACCOUNTS.contact)}`, { body: { password: NEW_PASSWORD } });
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('answers an unknown e-mail exactly like a known one, and before doing any work (same timing)', async () => {
    const known = await t.request('POST', '/api/account/password-reset', { body: { email: DEMO_ACCOUNTS.agent } });
    const unknown = await t.request('POST', '/api/account/password-reset', { body: { email: 'ninguem@example.com' } });
    expect({ status: unknown.status, body: unknown.json }).toEqual({ status: known.status, body: known.json });
    // When the answers left, nothing had been looked up or sent for either: their time cannot differ by it.
    expect(t.mailer.sentCount()).toBe(0);
    await settled();
    expect(t.mailer.lastLinkTo(DEMO_ACCOUNTS.agent)?.purpose).toBe('password_reset');
    expect(t.mailer.lastLinkTo('ninguem@example.com')).toBeUndefined();
  });

  it('throttles reset requests per e-mail with the wait time, then lets them through an hour later', async () => {
    for (let i = 0; i < 3; i++) expect((await requestReset(DEMO_ACCOUNTS.contact)).status).toBe(202);
    const refused = await requestReset(DEMO_ACCOUNTS.contact);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 3600, message: 'Muitas tentativas. Aguarde 60 minutos e tente novamente.' });
    expect(refused.headers.get('retry-after')).toBe('3600');
    expect(t.mailer.sentCount()).toBe(3);
    t.clock.now += 60 * 60_000;
    expect((await requestReset(DEMO_ACCOUNTS.contact)).status).toBe(202);
  });
});

describe('password rules (ASVS 6.2.1, 6.2.4, 6.2.9): by length and a shipped list, no composition rules', () => {
  async function setWith(password: string) {
    await requestReset(DEMO_ACCOUNTS.otherContact);
    return t.request('POST', `/api/account/links/${tokenOf(DEMO_ACCOUNTS.otherContact)}`, { body: { password } });
  }

  it('refuses fewer than 8 characters and common passwords, with a pt-BR reason', async () => {
    expect(commonPasswordCount()).toBeGreaterThan(200);
    expect((await setWith('curta12')).json.fields.password).toBe('Use pelo menos 8 caracteres.');
    expect((await setWith('senha123')).json.fields.password).toMatch(/comum demais/);
    expect((await setWith('Password123')).json.fields.password).toMatch(/comum demais/);
  });

  it('accepts 8 lower-case letters, and 64 and 128 characters, spaces and unicode included', async () => {
    expect((await setWith('abóbora!')).status).toBe(200);
    expect((await setWith('é'.repeat(64))).status).toBe(200);
    expect((await setWith('frase longa com espaços '.repeat(6).slice(0, 128))).status).toBe(200);
    expect((await setWith('x'.repeat(129))).status).toBe(400);
  });
});

describe('invitation links', () => {
  it('an admin invites; the link sets the first password and is single use; agents may not invite', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('POST', '/api/account/invitations', { cookie: agent, body: { email: DEMO_ACCOUNTS.otherContact } })).status).toBe(403);
    expect((await t.request('POST', '/api/account/invitations', { cookie: admin, body: { email: DEMO_ACCOUNTS.otherContact } })).status).toBe(202);
    const link = t.mailer.lastLinkTo(DEMO_ACCOUNTS.otherContact)!;
    expect(link.purpose).toBe('invitation');
    expect(link.url).toMatch(/\/convite\//);
    const token = tokenOf(DEMO_ACCOUNTS.otherContact);
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: NEW_PASSWORD } })).status).toBe(200);
    expect(await signInStatus(DEMO_ACCOUNTS.otherContact, NEW_PASSWORD)).toBe(200);
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: NEW_PASSWORD } })).status).toBe(410);
  });
});

describe('password change (ASVS 7.4.3)', () => {
  it('needs the current password and ends the other sessions, keeping this one', async () => {
    const here = await t.signIn(DEMO_ACCOUNTS.agent);
    const elsewhere = await t.signIn(DEMO_ACCOUNTS.agent);
    const wrong = await t.request('POST', '/api/account/password', { cookie: here, body: { currentPassword: 'errada', newPassword: NEW_PASSWORD } });
    expect(wrong.json.fields.currentPassword).toBe('Senha atual incorreta.');
    const common = await t.request('POST', '/api/account/password', { cookie: here, body: { currentPassword: DEMO_PASSWORD, newPassword: 'qwerty123' } });
    expect(common.json.fields.newPassword).toMatch(/comum demais/);
    const ok = await t.request('POST', '/api/account/password', { cookie: here, body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } });
    expect(ok.status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    expect(await signInStatus(DEMO_ACCOUNTS.agent, NEW_PASSWORD)).toBe(200);
  });

  it('throttles wrong current passwords like sign-in: after 5, even the right one waits (ASVS 6.3.1)', async () => {
    const here = await t.signIn(DEMO_ACCOUNTS.agent);
    const change = (currentPassword: string) => t.request('POST', '/api/account/password', { cookie: here, body: { currentPassword, newPassword: NEW_PASSWORD } });
    for (let i = 0; i < 5; i++) expect((await change(`errada-${i}`)).status).toBe(400);
    const refused = await change(DEMO_PASSWORD);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: expect.any(Number) });
    // The guesses also count against signing in to that account.
    expect(await signInStatus(DEMO_ACCOUNTS.agent, DEMO_PASSWORD)).toBe(429);
    t.clock.now += 15 * 60_000;
    expect((await change(DEMO_PASSWORD)).status).toBe(200);
  });
});

describe('audit log (ASVS 16.3.1)', () => {
  it('records sign-in, failure, sign-out, reset and password change; admins read it, agents may not', async () => {
    await signInStatus(DEMO_ACCOUNTS.contact, 'errada');
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    await t.request('POST', '/api/auth/logout', { cookie: carla, body: {} });
    await requestReset('ninguem@example.com');
    await requestReset(DEMO_ACCOUNTS.contact);
    await t.request('POST', `/api/account/links/${tokenOf(DEMO_ACCOUNTS.contact)}`, { body: { password: NEW_PASSWORD } });
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    await t.request('POST', '/api/account/password', { cookie: agent, body: { currentPassword: DEMO_PASSWORD, newPassword: NEW_PASSWORD } });

    expect((await t.request('GET', '/api/admin/audit-log', { cookie: agent })).status).toBe(403);
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const log = await t.request('GET', '/api/admin/audit-log', { cookie: admin });
    expect(log.status).toBe(200);
    const events = (log.json.items as { event: string; email: string | null; actorKind: string }[]).map((e) => `${e.event} ${e.email} ${e.actorKind}`).reverse();
    expect(events).toEqual([
      `sign_in_failed ${DEMO_ACCOUNTS.contact} contact`,
      `sign_in ${DEMO_ACCOUNTS.contact} contact`,
      `sign_out null contact`,
      'password_reset_requested ninguem@example.com anonymous',
      `password_reset_requested ${DEMO_ACCOUNTS.contact} contact`,
      `password_reset ${DEMO_ACCOUNTS.contact} contact`,
      `sign_in ${DEMO_ACCOUNTS.agent} agent`,
      `password_changed ${DEMO_ACCOUNTS.agent} agent`,
      `sign_in ${DEMO_ACCOUNTS.admin} agent`,
    ]);
    // An unknown e-mail's failed sign-in is recorded without an account.
    await signInStatus('ninguem@example.com', 'x');
    const latest = (await t.request('GET', '/api/admin/audit-log', { cookie: admin })).json.items[0];
    expect(latest).toMatchObject({ event: 'sign_in_failed', email: 'ninguem@example.com', actorKind: 'anonymous', actorId: null });
  });

  it('records every settings change an admin makes, with the actor and the values before and after', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const settings = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
    const saved = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...settings, allowReopen: false } });
    expect(saved.status).toBe(200);
    const refused = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...settings, reopenWindowDays: 0 } });
    expect(refused.status).toBe(400);
    const items = (await t.request('GET', '/api/admin/audit-log', { cookie: admin })).json.items as { event: string; details: any }[];
    const changes = items.filter((e) => e.event === 'settings_changed');
    expect(changes).toHaveLength(1); // the refused change changed nothing and is not recorded as a change
    expect(changes[0]!.details).toMatchObject({ group: 'portal', before: { allowReopen: true }, after: { allowReopen: false } });
    expect(changes[0]).toMatchObject({ actorKind: 'agent', email: null });
  });

  it('pages newest first with a cursor', async () => {
    for (let i = 0; i < 60; i++) {
      await recordAudit(t.store, { at: t.clock.now - (i % 7) * 1000, event: 'sign_in_failed', actorKind: 'anonymous', email: `n${i}@example.com` });
    }
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const first = (await t.request('GET', '/api/admin/audit-log', { cookie: admin })).json;
    expect(first.items).toHaveLength(50);
    const second = (await t.request('GET', `/api/admin/audit-log?before=${first.nextBefore}`, { cookie: admin })).json;
    const items = [...first.items, ...second.items] as { id: number; at: number }[];
    expect(new Set(items.map((e) => e.id)).size).toBe(61); // 60 + the admin's sign-in, none twice
    expect(second.nextBefore).toBeNull();
    const order = items.map((e) => [e.at, e.id]);
    expect(order).toEqual([...order].sort((a, b) => b[0]! - a[0]! || b[1]! - a[1]!));
  });
});
