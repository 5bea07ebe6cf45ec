import { DEMO_ACCOUNTS } from '@atende/db';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

type App = Pick<TestApp, 'request' | 'signIn' | 'mailer'>;

/**
 * An admin invites an agent, then deactivates them before they accept: the unused invitation link
 * must not let them in (accepting an invitation activates the account). Same on both engines.
 */
export async function deactivationEndsUnusedInvitation(t: App) {
  const admin = await t.signIn(DEMO_ACCOUNTS.admin);
  const invited = await t.request('POST', '/api/admin/team', { cookie: admin, body: { name: 'Dora Lima', email: 'dora@provedor.com.br', role: 'agent', departmentIds: [1] } });
  expect(invited.status).toBe(201);
  const token = t.mailer.lastLinkTo('dora@provedor.com.br')!.url.split('/convite/')[1]!;
  expect((await t.request('POST', `/api/admin/team/${invited.json.member.id}/deactivate`, { cookie: admin, body: {} })).status).toBe(200);

  const accepted = await t.request('POST', `/api/account/links/${token}`, { body: { password: 'senha da dora bem longa' } });
  expect(accepted.json.code).toBe('link_invalid');
  const signIn = await t.request('POST', '/api/auth/login', { body: { email: 'dora@provedor.com.br', password: 'senha da dora bem longa' } });
  expect(signIn.status).toBe(401);
  const team = (await t.request('GET', '/api/admin/team', { cookie: admin })).json;
  expect(team.members.find((m: { email: string }) => m.email === 'dora@provedor.com.br')).toMatchObject({ active: false });
}
