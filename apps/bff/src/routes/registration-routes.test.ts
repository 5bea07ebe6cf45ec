import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, listAudit, listOutbox } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settled } from '../http/after-response.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/** Issue 17: customer self-registration, a setting off by default, proven by an e-mailed link. */
let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

async function openRegistration() {
  const admin = await t.signIn(DEMO_ACCOUNTS.admin);
  const settings = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
  expect(settings.customersSelfRegister).toBe(false); // off until an admin turns it on
  const saved = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...settings, customersSelfRegister: true } });
  expect(saved.status).toBe(200);
}

async function signUp(body: unknown, headers: Record<string, string> = {}) {
  const response = await t.request('POST', '/api/registration', { body, headers });
  await settled();
  return response;
}

const mails = async () => (await listOutbox(t.store, { beforeId: null, limit: 50 })).filter((m) => m.kind.startsWith('account_registration'));
const tokenIn = (text: string) => /\/cadastro\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

describe('customer self-registration', () => {
  it('is closed by default: the page says so, and a sign-up is refused without creating or sending anything', async () => {
    expect((await t.request('GET', '/api/auth/sign-in-options')).json.signUp).toBe(false);
    const refused = await signUp({ name: 'Nova', email: 'nova@example.com' });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('registration_closed');
    expect(await mails()).toHaveLength(0);
  });

  it('a sign-up e-mails a link; opening it creates nothing; choosing a password creates the contact and signs them in', async () => {
    await openRegistration();
    expect((await t.request('GET', '/api/auth/sign-in-options')).json.signUp).toBe(true);
    const accepted = await signUp({ name: 'Nova Cliente', email: 'Nova@Example.com' });
    expect(accepted.status).toBe(202);
    const [mail] = await mails();
    expect(mail).toMatchObject({ kind: 'account_registration', toAddress: 'nova@example.com', subject: 'Atende: confirme seu e-mail para criar sua conta' });
    const token = tokenIn(mail!.textBody)!;
    expect(mail!.textBody).toContain(`${t.deps.config.publicUrl}/cadastro/${token}`);

    // A mail scanner opening the link: read-only.
    const opened = await t.request('GET', `/api/registration/${token}`);
    expect(opened.json.registration).toMatchObject({ name: 'Nova Cliente', email: 'nova@example.com' });
    expect(await findAccountByEmail(t.store, 'nova@example.com')).toBeNull();

    const weak = await t.request('POST', `/api/registration/${token}`, { body: { password: '123' } });
    expect(weak.status).toBe(400);
    expect(weak.json.fields.password).toMatch(/pelo menos 8/);
    expect(await findAccountByEmail(t.store, 'nova@example.com')).toBeNull();

    const done = await t.request('POST', `/api/registration/${token}`, { body: { password: 'uma senha boa de verdade' } });
    expect(done.status).toBe(201);
    const cookie = done.headers.get('set-cookie')!.split(';')[0]!;
    const me = await t.request('GET', '/api/auth/me', { cookie });
    expect(me.json.actor).toMatchObject({ kind: 'contact', name: 'Nova Cliente' });
    // The new customer can use the Painel do Cliente (no company: an agent links one later).
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie })).status).toBe(200);
    // And sign in again with the password chosen.
    expect(await t.signIn('nova@example.com', 'uma senha boa de verdade')).toMatch(/=/);

    const again = await t.request('POST', `/api/registration/${token}`, { body: { password: 'outra senha boa demais' } });
    expect(again.status).toBe(410);
    expect(again.json.code).toBe('link_invalid');
    expect((await listAudit(t.store, { before: null, limit: 10 })).map((e) => e.event)).toEqual(expect.arrayContaining(['registration_requested', 'contact_self_registered']));
  });

  it('answers the same for an address that has an account, and e-mails its owner a notice, never a link', async () => {
    await openRegistration();
    const known = await signUp({ name: 'Intruso', email: DEMO_ACCOUNTS.contact });
    const unknown = await signUp({ name: 'Outra', email: 'outra@example.com' });
    expect(known.status).toBe(unknown.status);
    expect(known.text).toBe(unknown.text);
    const notice = (await mails()).find((m) => m.toAddress === DEMO_ACCOUNTS.contact)!;
    expect(notice.kind).toBe('account_registration_exists');
    expect(tokenIn(notice.textBody)).toBeUndefined();
    expect(notice.textBody).toContain('/esqueci-senha');
    // The account that existed is untouched: same name, same password.
    expect((await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!.name).not.toBe('Intruso');
    expect(await t.signIn(DEMO_ACCOUNTS.contact)).toMatch(/=/);
  });

  it('two racing clicks on the link create one contact; the loser is told the link no longer works', async () => {
    await openRegistration();
    await signUp({ name: 'Nova', email: 'nova@example.com' });
    const token = tokenIn((await mails())[0]!.textBody)!;
    const answers = await Promise.all([0, 1].map(() => t.request('POST', `/api/registration/${token}`, { body: { password: 'uma senha boa de verdade' } })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 410]);
  });

  it('an expired link creates nothing', async () => {
    await openRegistration();
    await signUp({ name: 'Nova', email: 'nova@example.com' });
    const token = tokenIn((await mails())[0]!.textBody)!;
    t.clock.now += 24 * 60 * 60_000;
    const late = await t.request('POST', `/api/registration/${token}`, { body: { password: 'uma senha boa de verdade' } });
    expect(late.json.code).toBe('link_invalid');
    expect(await findAccountByEmail(t.store, 'nova@example.com')).toBeNull();
  });

  it('an English sign-up gets an English e-mail and an English account; bad input is refused in English', async () => {
    await openRegistration();
    const bad = await signUp({ name: '', email: 'não é e-mail' }, { 'accept-language': 'en' });
    expect(bad.status).toBe(400);
    expect(bad.json.fields).toEqual({ name: 'Enter the name.', email: 'Invalid e-mail.' });
    await signUp({ name: 'New Customer', email: 'new@example.com' }, { 'accept-language': 'en-US' });
    const [mail] = await mails();
    expect(mail!.subject).toBe('Atende: confirm your e-mail to create your account');
    const done = await t.request('POST', `/api/registration/${tokenIn(mail!.textBody)}`, { body: { password: 'a proper password here' } });
    expect(done.status).toBe(201);
    expect(await findAccountByEmail(t.store, 'new@example.com')).toMatchObject({ kind: 'contact' });
  });

  it('is throttled per e-mailed address: the fourth sign-up in an hour is refused and sends nothing', async () => {
    await openRegistration();
    for (let i = 0; i < 3; i += 1) expect((await signUp({ name: 'Nova', email: 'nova@example.com' })).status).toBe(202);
    const fourth = await signUp({ name: 'Nova', email: 'nova@example.com' });
    expect(fourth.status).toBe(429);
    expect(await mails()).toHaveLength(3);
    // Only the newest link works.
    const tokens = (await mails()).map((m) => tokenIn(m.textBody)!);
    const statuses = [];
    for (const token of tokens) statuses.push((await t.request('GET', `/api/registration/${token}`)).status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  });
});
