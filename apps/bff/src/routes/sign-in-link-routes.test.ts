import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, listOutbox, spendSignInLink } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../auth/session-cookie.js';
import { settled } from '../http/after-response.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp({ accountLinksToOutbox: true });
});
afterEach(() => t.dispose());

const FIFTEEN_MINUTES = 15 * 60_000;

async function askForLink(email: string, returnTo?: string) {
  const answer = await t.request('POST', '/api/auth/email-link', { body: returnTo ? { email, returnTo } : { email } });
  await settled(); // the link is issued after the answer
  return answer;
}
function linkTo(email: string) {
  const link = t.mailer.lastLinkTo(email);
  expect(link?.purpose).toBe('sign_in_link');
  return link!;
}
const tokenOf = (email: string) => new URL(linkTo(email).url).pathname.split('/').at(-1)!;
const cookieOf = (answer: { headers: Headers }) => (answer.headers.get('set-cookie') ?? '').split(';')[0]!;
async function sessionsOf(email: string): Promise<number> {
  const account = (await findAccountByEmail(t.store, email))!;
  const [row] = await t.rows<{ n: number | string }>('select count(*) as n from sessions where actor_kind = ? and actor_id = ?', [account.kind, account.id]);
  return Number(row!.n); // PostgreSQL's count is a bigint, read as a string
}
async function setSignInSettings(values: { emailLinkForContacts: boolean; emailLinkForAgents: boolean }) {
  const admin = await t.signIn(DEMO_ACCOUNTS.admin);
  expect((await t.request('PUT', '/api/admin/sign-in-settings', { cookie: admin, body: values })).status).toBe(200);
}

describe('passwordless sign-in by e-mail link (issue 15)', () => {
  it('a contact gets a 15-minute link; opening it (GET) never signs in; pressing Entrar (POST) does', async () => {
    expect((await t.request('GET', '/api/auth/sign-in-options')).json).toEqual({ emailLink: true, signUp: false });
    const asked = await askForLink(DEMO_ACCOUNTS.contact);
    expect(asked.status).toBe(202);
    const link = linkTo(DEMO_ACCOUNTS.contact);
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/link-de-acesso\/[A-Za-z0-9_-]{43}$/);
    expect(link.expiresAt).toBe(t.clock.now + FIFTEEN_MINUTES);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    expect(JSON.stringify(await t.rows('select * from account_tokens'))).not.toContain(token);
    // The e-mail itself, as the outbox holds it.
    const mail = (await listOutbox(t.store, { beforeId: null, limit: 5 })).find((row) => row.kind === 'account_sign_in_link')!;
    expect(mail).toMatchObject({ toAddress: DEMO_ACCOUNTS.contact, subject: 'Atende: seu link de acesso' });
    expect(mail.textBody).toContain(link.url);
    expect(mail.textBody).toContain('15 minutos');

    // A mail scanner follows the link as often as it likes: no cookie, no session, the link still works.
    const before = await sessionsOf(DEMO_ACCOUNTS.contact);
    for (let i = 0; i < 3; i++) {
      const page = await t.request('GET', `/api/auth/email-link/${token}`);
      expect(page.status).toBe(200);
      expect(page.json.link).toEqual({ email: DEMO_ACCOUNTS.contact, expiresAt: link.expiresAt });
      expect(page.headers.get('set-cookie')).toBeNull();
    }
    expect(await sessionsOf(DEMO_ACCOUNTS.contact)).toBe(before);

    const entered = await t.request('POST', `/api/auth/email-link/${token}`, { body: {} });
    expect(entered.status).toBe(200);
    expect(entered.json.actor).toMatchObject({ kind: 'contact', role: 'contact' });
    const me = await t.request('GET', '/api/auth/me', { cookie: cookieOf(entered) });
    expect(me.json.actor).toMatchObject({ kind: 'contact', id: (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!.id });

    // The second press (or a forwarded e-mail) gets a clear message and no session.
    const again = await t.request('POST', `/api/auth/email-link/${token}`, { body: {} });
    expect(again.status).toBe(410);
    expect(again.json).toMatchObject({ code: 'sign_in_link_invalid', message: expect.stringContaining('já foi usado ou passaram os 15 minutos') });
    expect(again.headers.get('set-cookie')).toBeNull();
    expect((await t.request('GET', `/api/auth/email-link/${token}`)).status).toBe(410);
  });

  it('two presses racing on one link open exactly one session', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    const before = await sessionsOf(DEMO_ACCOUNTS.contact);
    const answers = await Promise.all([1, 2].map(() => t.request('POST', `/api/auth/email-link/${token}`, { body: {} })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    expect(answers.filter((a) => a.headers.get('set-cookie'))).toHaveLength(1);
    expect(await sessionsOf(DEMO_ACCOUNTS.contact)).toBe(before + 1);
  });

  it('the database spends a link once even when both presses got past the first read', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    const tokenHash = hashToken(tokenOf(DEMO_ACCOUNTS.contact));
    const spend = (n: number) => spendSignInLink(t.store, { tokenHash, now: t.clock.now, session: { tokenHash: `sessao-${n}`, expiresAt: t.clock.now + 60_000 } });
    const before = await sessionsOf(DEMO_ACCOUNTS.contact);
    expect(await spend(1)).toMatchObject({ kind: 'contact' });
    expect(await spend(2)).toBeNull();
    expect(await sessionsOf(DEMO_ACCOUNTS.contact)).toBe(before + 1);
  });

  it('a link sent before the contact was deactivated opens nothing', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    // A raw write: deactivating through the API deletes the unused links too; this proves the spend itself
    // checks that the account is active.
    await t.rows('update contacts set active = false where email = ? returning id', [DEMO_ACCOUNTS.contact]);
    const refused = await t.request('POST', `/api/auth/email-link/${token}`, { body: {} });
    expect(refused.status).toBe(410);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('expires 15 minutes after it was sent', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    const token = tokenOf(DEMO_ACCOUNTS.contact);
    t.clock.now += FIFTEEN_MINUTES - 1;
    expect((await t.request('GET', `/api/auth/email-link/${token}`)).status).toBe(200);
    t.clock.now += 1;
    expect((await t.request('GET', `/api/auth/email-link/${token}`)).json.code).toBe('sign_in_link_invalid');
    const late = await t.request('POST', `/api/auth/email-link/${token}`, { body: {} });
    expect(late.status).toBe(410);
    expect(late.headers.get('set-cookie')).toBeNull();
  });

  it('answers an unknown address exactly like a known one, before any work, and sends it nothing', async () => {
    const known = await t.request('POST', '/api/auth/email-link', { body: { email: DEMO_ACCOUNTS.contact } });
    const unknown = await t.request('POST', '/api/auth/email-link', { body: { email: 'ninguem@example.com' } });
    expect({ status: unknown.status, body: unknown.json }).toEqual({ status: known.status, body: known.json });
    expect(t.mailer.sentCount()).toBe(0); // when both answers left, nothing had been looked up or sent
    await settled();
    expect(t.mailer.sentCount()).toBe(1);
    expect(t.mailer.lastLinkTo('ninguem@example.com')).toBeUndefined();
    expect((await listOutbox(t.store, { beforeId: null, limit: 50 })).filter((row) => row.toAddress === 'ninguem@example.com')).toEqual([]);
  });

  it('throttles requests per e-mail in the fixed window, with the wait, then lets them through', async () => {
    for (let i = 0; i < 3; i++) expect((await askForLink(DEMO_ACCOUNTS.contact)).status).toBe(202);
    const refused = await askForLink(DEMO_ACCOUNTS.contact);
    expect(refused.status).toBe(429);
    expect(refused.json).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 15 * 60 });
    expect(t.mailer.sentCount()).toBe(3);
    t.clock.now += FIFTEEN_MINUTES;
    expect((await askForLink(DEMO_ACCOUNTS.contact)).status).toBe(202);
    expect(t.mailer.sentCount()).toBe(4);
  });

  it('an agent gets nothing (same answer) until an admin turns it on in Configurações; turning it off stops links already sent', async () => {
    const asked = await askForLink(DEMO_ACCOUNTS.agent);
    expect(asked.status).toBe(202);
    expect(t.mailer.lastLinkTo(DEMO_ACCOUNTS.agent)).toBeUndefined();
    expect((await listOutbox(t.store, { beforeId: null, limit: 50 })).filter((row) => row.toAddress === DEMO_ACCOUNTS.agent)).toEqual([]);

    await setSignInSettings({ emailLinkForContacts: true, emailLinkForAgents: true });
    await askForLink(DEMO_ACCOUNTS.agent);
    const first = tokenOf(DEMO_ACCOUNTS.agent);
    const entered = await t.request('POST', `/api/auth/email-link/${first}`, { body: {} });
    expect(entered.json.actor).toMatchObject({ kind: 'agent', role: 'agent' });

    await askForLink(DEMO_ACCOUNTS.agent);
    const second = tokenOf(DEMO_ACCOUNTS.agent);
    await setSignInSettings({ emailLinkForContacts: true, emailLinkForAgents: false });
    const refused = await t.request('POST', `/api/auth/email-link/${second}`, { body: {} });
    expect(refused.status).toBe(410);
    expect(refused.headers.get('set-cookie')).toBeNull();
  });

  it('contacts too can be turned off; the sign-in page then stops offering it', async () => {
    await setSignInSettings({ emailLinkForContacts: false, emailLinkForAgents: false });
    expect((await t.request('GET', '/api/auth/sign-in-options')).json).toEqual({ emailLink: false, signUp: false });
    expect((await askForLink(DEMO_ACCOUNTS.contact)).status).toBe(202);
    expect(t.mailer.lastLinkTo(DEMO_ACCOUNTS.contact)).toBeUndefined();
  });

  it('carries the page the customer was on, and only a path of this site', async () => {
    await askForLink(DEMO_ACCOUNTS.contact, '/painel/chamados/7');
    expect(new URL(linkTo(DEMO_ACCOUNTS.contact).url).searchParams.get('voltar')).toBe('/painel/chamados/7');
    for (const returnTo of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const refused = await t.request('POST', '/api/auth/email-link', { body: { email: DEMO_ACCOUNTS.contact, returnTo } });
      expect(refused.status).toBe(400);
      expect(refused.json.fields.returnTo).toBe('Endereço de retorno inválido.');
    }
  });

  it('a sign-in link never sets a password, and a reset link never signs in', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    const signInToken = tokenOf(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', `/api/account/links/${signInToken}`)).status).toBe(410);
    expect((await t.request('POST', `/api/account/links/${signInToken}`, { body: { password: 'uma senha nova e longa' } })).status).toBe(410);

    await t.request('POST', '/api/account/password-reset', { body: { email: DEMO_ACCOUNTS.otherContact } });
    await settled();
    const resetToken = t.mailer.lastLinkTo(DEMO_ACCOUNTS.otherContact)!.url.split('/').at(-1)!;
    expect((await t.request('POST', `/api/auth/email-link/${resetToken}`, { body: {} })).status).toBe(410);
    // The sign-in link still works after those attempts.
    expect((await t.request('POST', `/api/auth/email-link/${signInToken}`, { body: {} })).status).toBe(200);
  });

  it('audits the request and the sign-in', async () => {
    await askForLink(DEMO_ACCOUNTS.contact);
    await askForLink('ninguem@example.com');
    await t.request('POST', `/api/auth/email-link/${tokenOf(DEMO_ACCOUNTS.contact)}`, { body: {} });
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const items = (await t.request('GET', '/api/admin/audit-log', { cookie: admin })).json.items as { event: string; email: string | null; details: any }[];
    const events = items.map((e) => `${e.event} ${e.email}`).reverse();
    expect(events.slice(0, 3)).toEqual([`sign_in_link_requested ${DEMO_ACCOUNTS.contact}`, 'sign_in_link_requested ninguem@example.com', `sign_in ${DEMO_ACCOUNTS.contact}`]);
    expect(items.find((e) => e.event === 'sign_in' && e.email === DEMO_ACCOUNTS.contact)!.details).toEqual({ method: 'email_link' });
  });
});
