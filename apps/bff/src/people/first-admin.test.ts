import { spawnSync } from 'node:child_process';
import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccount, findAgentByEmail, listAudit } from '@atende/db/store';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { createAdminWithLink } from './first-admin.js';

const ORIGIN = 'https://atende.example.com.br';
let t: EngineTestApp | undefined;
afterEach(async () => {
  await t?.dispose();
  t = undefined; // the tests of the command make no app: nothing to dispose twice
});

function tokenOf(url: string): string {
  return url.split('/convite/')[1]!;
}

describe('pnpm admin:create', () => {
  it('creates an admin with no password and a one-time link on PUBLIC_ORIGIN to "Criar sua senha"', async () => {
    t = await createEngineTestApp();
    const result = await createAdminWithLink(t.store, { email: ' Nova.Admin@Provedor.com.br ', name: 'Nova Admin' }, t.clock.now, ORIGIN);
    expect(result).toMatchObject({ ok: true, created: true, email: 'nova.admin@provedor.com.br' });
    if (!result.ok) return;
    expect(result.url).toMatch(new RegExp(`^${ORIGIN}/convite/[A-Za-z0-9_-]{43}$`));
    expect(result.expiresAt - t.clock.now).toBe(60 * 60_000);
    const agent = (await findAgentByEmail(t.store, 'nova.admin@provedor.com.br'))!;
    expect(agent).toMatchObject({ role: 'admin', active: true, hasPassword: false });

    const token = tokenOf(result.url);
    const page = await t.request('GET', `/api/account/links/${token}`);
    expect(page.json.link).toMatchObject({ purpose: 'invitation', email: 'nova.admin@provedor.com.br' });
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: 'uma senha boa e longa' } })).status).toBe(200);
    // Single use.
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: 'outra senha boa e longa' } })).status).toBe(410);
    expect(await t.signIn('nova.admin@provedor.com.br', 'uma senha boa e longa')).toBeTruthy();
    expect((await listAudit(t.store, { before: null, limit: 5 })).some((e) => e.event === 'admin_created' && e.actorKind === 'system')).toBe(true);
  });

  it('the link expires after one hour', async () => {
    t = await createEngineTestApp();
    const result = await createAdminWithLink(t.store, { email: 'x@provedor.com.br', name: 'X' }, t.clock.now, ORIGIN);
    if (!result.ok) throw new Error(result.message);
    t.clock.now += 60 * 60_000 + 1;
    expect((await t.request('GET', `/api/account/links/${tokenOf(result.url)}`)).status).toBe(410);
  });

  it('for an existing e-mail prints a new link and changes nothing else', async () => {
    t = await createEngineTestApp();
    const before = (await findAccount(t.store, 'agent', (await findAgentByEmail(t.store, DEMO_ACCOUNTS.agent))!.id))!;
    const result = await createAdminWithLink(t.store, { email: DEMO_ACCOUNTS.agent, name: 'Outro Nome' }, t.clock.now, ORIGIN);
    expect(result).toMatchObject({ ok: true, created: false, role: 'agent' });
    const after = (await findAccount(t.store, 'agent', before.id))!;
    expect(after).toEqual(before); // name, role, password and status untouched
    // The old password still signs in until the link is used.
    expect(await t.signIn(DEMO_ACCOUNTS.agent)).toBeTruthy();
  });

  it('refuses a bad e-mail, a missing name and a customer contact’s e-mail, creating nothing', async () => {
    t = await createEngineTestApp();
    expect(await createAdminWithLink(t.store, { email: 'not-an-email', name: 'X' }, t.clock.now, ORIGIN)).toMatchObject({ ok: false, message: expect.stringMatching(/--email: E-mail inválido/) });
    expect(await createAdminWithLink(t.store, { email: 'a@b.com', name: ' ' }, t.clock.now, ORIGIN)).toMatchObject({ ok: false, message: expect.stringMatching(/--name/) });
    expect(await createAdminWithLink(t.store, { email: DEMO_ACCOUNTS.contact, name: 'X' }, t.clock.now, ORIGIN)).toMatchObject({ ok: false, message: expect.stringMatching(/customer contact/) });
    expect(await findAgentByEmail(t.store, 'a@b.com')).toBeNull();
  });

  it('the command refuses a production start without PUBLIC_ORIGIN, naming it', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/scripts/admin-create.ts', '--email', 'a@b.com', '--name', 'A'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, NODE_ENV: 'production', PUBLIC_ORIGIN: '', SMTP_URL: 'smtp://mail:587', DATA_DIR: '/nonexistent' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(78);
    expect(run.stderr).toMatch(/PUBLIC_ORIGIN: required in production/);
  }, 60_000);
});
