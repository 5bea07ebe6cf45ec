import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, getTicket, listAudit, ticketHistory } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deactivationEndsUnusedInvitation } from '../testing/account-scenarios.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const agentId = async (email: string) => (await findAccountByEmail(t.store, email))!.id;

describe('Equipe: inviting people', () => {
  it('an admin invites an agent: no password yet, an e-mailed one-time link, then they sign in', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const invited = await t.request('POST', '/api/admin/team', { cookie: admin, body: { name: 'Bruno Reis', email: 'Bruno@Provedor.com.br', role: 'agent', departmentIds: [1] } });
    expect(invited.status).toBe(201);
    expect(invited.json.member).toMatchObject({ name: 'Bruno Reis', email: 'bruno@provedor.com.br', role: 'agent', active: true, hasPassword: false, departmentIds: [1] });
    const link = t.mailer.lastLinkTo('bruno@provedor.com.br')!;
    expect(link).toMatchObject({ purpose: 'invitation' });
    const token = link.url.split('/convite/')[1]!;
    expect((await t.request('POST', `/api/account/links/${token}`, { body: { password: 'senha do bruno bem longa' } })).status).toBe(200);
    expect(await t.signIn('bruno@provedor.com.br', 'senha do bruno bem longa')).toBeTruthy();
    const entry = (await listAudit(t.store, { before: null, limit: 10 })).find((e) => e.event === 'team_member_invited')!;
    expect(entry).toMatchObject({ actorKind: 'agent', actorId: await agentId(DEMO_ACCOUNTS.admin), email: 'bruno@provedor.com.br' });
  });

  it('deactivating someone whose invitation is still unused makes the link stop working', async () => {
    await deactivationEndsUnusedInvitation(t);
  });

  it('refuses an e-mail already used by the team or by a contact, a bad e-mail and an unknown department, creating nothing', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const invite = (body: object) => t.request('POST', '/api/admin/team', { cookie: admin, body: { name: 'X', role: 'agent', departmentIds: [], ...body } });
    expect((await invite({ email: DEMO_ACCOUNTS.agent })).json.fields).toEqual({ email: 'Este e-mail já é de alguém da equipe.' });
    expect((await invite({ email: DEMO_ACCOUNTS.contact })).json.fields).toEqual({ email: 'Este e-mail é de um contato de cliente.' });
    expect((await invite({ email: 'sem-arroba' })).json.fields.email).toBe('E-mail inválido.');
    expect((await invite({ email: 'novo@x.com', departmentIds: [999] })).json.fields).toEqual({ departmentIds: 'Departamento desconhecido.' });
    expect(await findAccountByEmail(t.store, 'novo@x.com')).toBeNull();
    expect(t.mailer.sentCount()).toBe(0);
  });

  it('only admins manage the team', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('GET', '/api/admin/team', { cookie: agent })).status).toBe(403);
    expect((await t.request('POST', `/api/admin/team/${await agentId(DEMO_ACCOUNTS.otherAgent)}/deactivate`, { cookie: agent, body: {} })).status).toBe(403);
  });
});

describe('Equipe: deactivating and reactivating', () => {
  it('refuses sign-in, ends sessions and sends their open tickets back to the queue with a history event', async () => {
    const agentCookie = await t.signIn(DEMO_ACCOUNTS.agent);
    const mine = (await t.request('GET', '/api/agent/tickets?queue=mine', { cookie: agentCookie })).json.items as { id: number }[];
    const worked = (await Promise.all(mine.map(async (i) => (await getTicket(t.store, i.id))!))).filter((ticket) => !['resolved', 'closed'].includes(ticket.status));
    expect(worked.length).toBeGreaterThan(0);

    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const id = await agentId(DEMO_ACCOUNTS.agent);
    const off = await t.request('POST', `/api/admin/team/${id}/deactivate`, { cookie: admin, body: {} });
    expect(off.status).toBe(200);
    expect(off.json).toMatchObject({ member: { active: false }, ticketsBackToQueue: worked.length });

    expect((await t.request('GET', '/api/auth/me', { cookie: agentCookie })).status).toBe(401);
    await expect(t.signIn(DEMO_ACCOUNTS.agent)).rejects.toThrow(/401/);
    for (const before of worked) {
      const after = (await getTicket(t.store, before.id))!;
      expect(after).toMatchObject({ assigneeId: null, status: before.status, version: before.version + 1 });
      expect((await ticketHistory(t.store, before.id)).at(-1)).toMatchObject({ type: 'assignee_changed', actorKind: 'system', data: { from: id, to: null, reason: 'agent_deactivated' } });
    }
    expect((await listAudit(t.store, { before: null, limit: 5 })).find((e) => e.event === 'team_member_deactivated')).toMatchObject({ email: DEMO_ACCOUNTS.agent, actorId: await agentId(DEMO_ACCOUNTS.admin) });

    const on = await t.request('POST', `/api/admin/team/${id}/reactivate`, { cookie: admin, body: {} });
    expect(on.json.member.active).toBe(true);
    expect(await t.signIn(DEMO_ACCOUNTS.agent)).toBeTruthy();
  });

  it('same-day routing skips a deactivated agent who served the customer today', async () => {
    t.clock.now = Date.UTC(2026, 10, 25, 13, 0); // 10:00 in São Paulo, outside every special window
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const file = (subject: string) =>
      t.request('POST', '/api/customer/tickets', { cookie: carla, body: { departmentId: 1, subjectId: 1, subject, body: 'Olá', origin: 'portal', idempotencyKey: `chave-de-envio-${subject}` } });
    const firstResponse = await file('Primeiro');
    expect(firstResponse.status, firstResponse.text).toBe(201);
    const first = firstResponse.json.ticket;
    const served = (await getTicket(t.store, first.id))!;
    expect(served.assigneeId).not.toBeNull();
    const servingEmail = served.assigneeId === (await agentId(DEMO_ACCOUNTS.agent)) ? DEMO_ACCOUNTS.agent : DEMO_ACCOUNTS.otherAgent;
    const agent = await t.signIn(servingEmail);
    const reply = await t.request('POST', `/api/agent/tickets/${first.id}/messages`, { cookie: agent, body: { body: 'Já vejo.', visibility: 'public', nextStatus: 'open', expectedVersion: served.version } });
    expect(reply.status).toBeLessThan(300);
    t.clock.now += 60_000;
    // While active, a returning customer goes back to them (the rule this test is about).
    const control = (await getTicket(t.store, (await file('Controle')).json.ticket.id))!;
    expect(control.assigneeId).toBe(served.assigneeId);
    expect((await ticketHistory(t.store, control.id)).find((e) => e.type === 'assigned_by_routing')).toBeTruthy();
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    expect((await t.request('POST', `/api/admin/team/${served.assigneeId}/deactivate`, { cookie: admin, body: {} })).status).toBe(200);

    const second = (await getTicket(t.store, (await file('Segundo')).json.ticket.id))!;
    expect(second.assigneeId).not.toBe(served.assigneeId);
    expect((await ticketHistory(t.store, second.id)).find((e) => e.type === 'assigned' || e.type === 'assigned_by_routing')!.type).toBe('assigned');
  });

  it('never leaves the portal without an active admin, and an admin cannot deactivate themself', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const self = await agentId(DEMO_ACCOUNTS.admin);
    expect((await t.request('POST', `/api/admin/team/${self}/deactivate`, { cookie: admin, body: {} })).json.code).toBe('last_admin');
    expect((await t.request('PUT', `/api/admin/team/${self}`, { cookie: admin, body: { name: 'Admin', role: 'agent', departmentIds: [] } })).json.code).toBe('last_admin');
    expect((await t.request('POST', '/api/admin/team/9999/deactivate', { cookie: admin, body: {} })).status).toBe(404);
  });

  it('edits name, role and departments with before/after in the audit log', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const id = await agentId(DEMO_ACCOUNTS.otherAgent);
    const changed = await t.request('PUT', `/api/admin/team/${id}`, { cookie: admin, body: { name: 'Agente Dois', role: 'admin', departmentIds: [1, 2] } });
    expect(changed.json.member).toMatchObject({ name: 'Agente Dois', role: 'admin', departmentIds: [1, 2] });
    const entry = (await listAudit(t.store, { before: null, limit: 1 }))[0]!;
    expect(entry).toMatchObject({ event: 'team_member_changed', details: { before: { role: 'agent' }, after: { role: 'admin', name: 'Agente Dois' } } });
  });
});
