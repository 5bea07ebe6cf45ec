import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket, outboxForTicket, ticketHistory } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let carla: string;
let admin: string;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  admin = await t.signIn(DEMO_ACCOUNTS.admin);
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

let keySeq = 0;
async function options() {
  const res = await t.request('GET', '/api/customer/new-ticket/options', { cookie: carla });
  expect(res.status).toBe(200);
  return res.json as { departments: { id: number; name: string }[]; subjects: { id: number; name: string }[] };
}
async function validTicket(overrides: Record<string, unknown> = {}) {
  const o = await options();
  return {
    departmentId: o.departments.find((d) => d.name === 'Suporte técnico')!.id,
    subjectId: o.subjects.find((s) => s.name === 'Sem conexão')!.id,
    subject: 'Internet fora do ar na loja',
    body: 'Desde as 10h nenhum computador navega.',
    origin: 'hotsite',
    idempotencyKey: `test-key-${String(++keySeq).padStart(8, '0')}`,
    ...overrides,
  };
}
const file = (body: unknown, cookie = carla) => t.request('POST', '/api/customer/tickets', { cookie, body });
async function allDepartments() {
  return (await t.request('GET', '/api/admin/departments', { cookie: admin })).json.departments as { id: number; name: string; active: boolean; servesTickets: boolean; servesExternal: boolean }[];
}
async function allSubjects() {
  return (await t.request('GET', '/api/admin/subjects', { cookie: admin })).json.subjects as { id: number; name: string; active: boolean; showOnHotsite: boolean; defaultDepartmentId: number | null }[];
}
async function setPortal(changes: Record<string, unknown>) {
  const current = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
  const res = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...current, ...changes } });
  expect(res.status).toBe(200);
}

describe('Novo atendimento (seed 003)', () => {
  it('offers only active departments that serve tickets and serve externally, and only hotsite subjects', async () => {
    const o = await options();
    expect(o.departments.map((d) => d.name).sort()).toEqual(['Financeiro', 'Suporte técnico']);
    expect(o.subjects.map((s) => s.name)).not.toContain('Mudança de endereço');
    expect(o.subjects.map((s) => s.name)).toContain('Sem conexão');
  });

  it('files a ticket with origin hotsite: it awaits return and shows in the agents’ list', async () => {
    const res = await file(await validTicket());
    expect(res.status).toBe(201);
    expect(res.json.ticket).toMatchObject({ status: 'new', origin: 'hotsite' });
    const id = res.json.ticket.id;
    const mine = await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie: carla });
    expect(mine.json.items[0]).toMatchObject({ id, subject: 'Internet fora do ar na loja' });
    const detail = await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla });
    expect(detail.json.messages[0].body).toBe('Desde as 10h nenhum computador navega.');
    const hotsite = await t.request('GET', '/api/agent/tickets?origin=hotsite', { cookie: agent });
    expect(hotsite.json.items[0]).toMatchObject({ id, origin: 'hotsite' });
    expect(hotsite.json.items.every((i: { origin: string }) => i.origin === 'hotsite')).toBe(true);
    const everything = await t.request('GET', '/api/agent/tickets', { cookie: agent });
    expect(everything.json.items.some((i: { origin: string }) => i.origin !== 'hotsite')).toBe(true);
  });

  it('files with origin portal from the panel', async () => {
    const res = await file(await validTicket({ origin: 'portal' }));
    expect(res.json.ticket.origin).toBe('portal');
    const portal = await t.request('GET', '/api/agent/tickets?origin=portal', { cookie: agent });
    expect(portal.json.items.every((i: { origin: string }) => i.origin === 'portal')).toBe(true);
    expect(portal.json.items.map((i: { id: number }) => i.id)).toContain(res.json.ticket.id);
    expect((await t.request('GET', '/api/agent/tickets?origin=fax', { cookie: agent })).status).toBe(400);
  });

  it.each([
    ['departmentId', 'Escolha o departamento.'],
    ['subjectId', 'Escolha o assunto.'],
    ['subject', 'Descreva o assunto.'],
    ['body', 'Escreva sua mensagem.'],
  ])('refuses a missing %s with its own message and saves nothing', async (field, message) => {
    const before = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts.all;
    const body: Record<string, unknown> = await validTicket();
    delete body[field];
    const res = await file(body);
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual({ [field]: message });
    const blank = await file({ ...(await validTicket()), [field]: field.endsWith('Id') ? 0 : '   ' });
    expect(blank.json.fields[field]).toBe(message);
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts.all).toBe(before);
  });

  it('refuses a description or message that is too long', async () => {
    const res = await file(await validTicket({ subject: 'a'.repeat(201), body: 'b'.repeat(10_001) }));
    expect(res.status).toBe(400);
    expect(res.json.fields).toEqual({
      subject: 'A descrição do assunto pode ter até 200 caracteres.',
      body: 'A mensagem pode ter até 10000 caracteres.',
    });
  });

  it('refuses by hand an unknown, hidden, inactive or internal-only department and subject', async () => {
    const departments = await allDepartments();
    const subjects = await allSubjects();
    const instalacao = departments.find((d) => d.name === 'Instalação')!; // presta atendimento, not externo
    const hiddenSubject = subjects.find((s) => s.name === 'Mudança de endereço')!;
    for (const [departmentId, subjectId] of [
      [9999, 9999],
      [instalacao.id, hiddenSubject.id],
    ]) {
      const res = await file(await validTicket({ departmentId, subjectId }));
      expect(res.status).toBe(400);
      expect(res.json.fields).toEqual({ departmentId: 'Departamento indisponível. Escolha outro.', subjectId: 'Assunto indisponível. Escolha outro.' });
    }
    // Deactivated (or no longer "presta atendimento") by the admin: refused at once.
    const suporte = departments.find((d) => d.name === 'Suporte técnico')!;
    const semConexao = subjects.find((s) => s.name === 'Sem conexão')!;
    const ticket = await validTicket();
    await t.request('PUT', `/api/admin/departments/${suporte.id}`, { cookie: admin, body: { name: suporte.name, active: true, servesTickets: false, servesExternal: true } });
    await t.request('PUT', `/api/admin/subjects/${semConexao.id}`, { cookie: admin, body: { name: semConexao.name, active: false, showOnHotsite: true, defaultDepartmentId: semConexao.defaultDepartmentId } });
    const res = await file(ticket);
    expect(res.status).toBe(400);
    expect(Object.keys(res.json.fields).sort()).toEqual(['departmentId', 'subjectId']);
    const o = await options();
    expect(o.departments.map((d) => d.name)).toEqual(['Financeiro']);
    expect(o.subjects.map((s) => s.name)).not.toContain('Sem conexão');
  });

  it('a subject the admin hides from the hotsite leaves the form and is refused', async () => {
    const lentidao = (await allSubjects()).find((s) => s.name === 'Lentidão')!;
    const ticket = await validTicket({ subjectId: lentidao.id });
    const hide = await t.request('PUT', `/api/admin/subjects/${lentidao.id}`, { cookie: admin, body: { name: 'Lentidão', active: true, showOnHotsite: false, defaultDepartmentId: lentidao.defaultDepartmentId } });
    expect(hide.status).toBe(200);
    expect((await options()).subjects.map((s) => s.name)).not.toContain('Lentidão');
    expect((await file(ticket)).json.fields).toEqual({ subjectId: 'Assunto indisponível. Escolha outro.' });
  });

  it('refuses unknown fields and a forged origin', async () => {
    expect((await file(await validTicket({ origin: 'agent' }))).json.fields).toHaveProperty('origin');
    expect((await file(await validTicket({ status: 'closed' }))).status).toBe(400);
  });

  it('a double click or a retried request creates one ticket (idempotency key)', async () => {
    const before = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts.all;
    const ticket = await validTicket();
    const [a, b] = await Promise.all([file(ticket), file(ticket)]);
    const retry = await file(ticket);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(retry.status).toBe(200);
    expect(new Set([a.json.ticket.id, b.json.ticket.id, retry.json.ticket.id]).size).toBe(1);
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts.all).toBe(before + 1);
    // Another contact's identical key is their own: it creates their own ticket.
    const otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
    const theirs = await file(ticket, otavio);
    expect(theirs.status).toBe(201);
    expect(theirs.json.ticket.id).not.toBe(a.json.ticket.id);
    // A new form (new key) is a new ticket.
    expect((await file({ ...ticket, idempotencyKey: 'another-form-key-0001' })).status).toBe(201);
  });

  it('a filed ticket is routed and its "received" e-mail recorded once, however often the request is retried', async () => {
    const ticket = await validTicket();
    const first = await file(ticket);
    await file(ticket);
    const id = first.json.ticket.id as number;
    expect((await outboxForTicket(t.store, id)).map((m) => m.kind)).toEqual(['ticket_received']);
    expect((await ticketHistory(t.store, id)).some((e) => e.type === 'assigned' || e.type === 'assigned_by_routing')).toBe(true);
    expect((await getTicket(t.store, id))!.assigneeId).not.toBeNull();
  });

  it('only contacts file tickets', async () => {
    expect((await file(await validTicket(), agent)).status).toBe(403);
    expect((await t.request('POST', '/api/customer/tickets', { body: await validTicket() })).status).toBe(401);
  });
});

describe('portal switches', () => {
  it('reports the switches to the SPA', async () => {
    expect((await t.request('GET', '/api/customer/portal', { cookie: carla })).json).toEqual({ customersSeeTickets: true, customersOpenTickets: true });
    await setPortal({ customersSeeTickets: false });
    expect((await t.request('GET', '/api/customer/portal', { cookie: carla })).json).toEqual({ customersSeeTickets: false, customersOpenTickets: true });
  });

  it('"customers see tickets" off: listing, counts, detail and replies are 403; filing still works', async () => {
    const id = (await t.request('GET', '/api/customer/tickets?tab=all', { cookie: carla })).json.items[0].id;
    const ticket = await validTicket();
    await setPortal({ customersSeeTickets: false });
    for (const path of ['/api/customer/tickets?tab=all', '/api/customer/tickets/counts', `/api/customer/tickets/${id}`]) {
      const res = await t.request('GET', path, { cookie: carla });
      expect(res.status, path).toBe(403);
      expect(res.json.code).toBe('portal_tickets_hidden');
    }
    const reply = await t.request('POST', `/api/customer/tickets/${id}/replies`, { cookie: carla, body: { body: 'oi', expectedVersion: 1 } });
    expect(reply.status).toBe(403);
    expect((await file(ticket)).status).toBe(201);
  });

  it('"customers open tickets" off: the form’s options and creation are 403; listing still works', async () => {
    const ticket = await validTicket();
    await setPortal({ customersOpenTickets: false });
    const res = await file(ticket);
    expect(res.status).toBe(403);
    expect(res.json.code).toBe('portal_new_tickets_disabled');
    expect((await t.request('GET', '/api/customer/new-ticket/options', { cookie: carla })).status).toBe(403);
    expect((await t.request('GET', '/api/customer/tickets?tab=all', { cookie: carla })).status).toBe(200);
  });

  it('both off: listing and creation refused with 403; switching back on applies at once', async () => {
    const ticket = await validTicket();
    await setPortal({ customersSeeTickets: false, customersOpenTickets: false });
    expect((await t.request('GET', '/api/customer/tickets?tab=all', { cookie: carla })).status).toBe(403);
    expect((await file(ticket)).status).toBe(403);
    await setPortal({ customersSeeTickets: true, customersOpenTickets: true });
    expect((await t.request('GET', '/api/customer/tickets?tab=all', { cookie: carla })).status).toBe(200);
    expect((await file(ticket)).status).toBe(201);
  });
});

describe('admin console API', () => {
  it('is for admins only', async () => {
    for (const path of ['/api/admin/portal-settings', '/api/admin/departments', '/api/admin/subjects']) {
      expect((await t.request('GET', path, { cookie: agent })).status, path).toBe(403);
      expect((await t.request('GET', path, { cookie: carla })).status, path).toBe(403);
      expect((await t.request('GET', path)).status, path).toBe(401);
    }
  });

  it('creates a department and a subject that the portal then offers', async () => {
    const dep = await t.request('POST', '/api/admin/departments', { cookie: admin, body: { name: 'Comercial', active: true, servesTickets: true, servesExternal: true } });
    expect(dep.status).toBe(201);
    const sub = await t.request('POST', '/api/admin/subjects', { cookie: admin, body: { name: 'Upgrade de plano', active: true, showOnHotsite: true, defaultDepartmentId: dep.json.department.id } });
    expect(sub.status).toBe(201);
    const o = await options();
    expect(o.departments.map((d) => d.name)).toContain('Comercial');
    expect(o.subjects.map((s) => s.name)).toContain('Upgrade de plano');
    const bad = await t.request('POST', '/api/admin/subjects', { cookie: admin, body: { name: 'X', active: true, showOnHotsite: true, defaultDepartmentId: 9999 } });
    expect(bad.json.fields).toEqual({ defaultDepartmentId: 'Departamento desconhecido.' });
    const noName = await t.request('POST', '/api/admin/departments', { cookie: admin, body: { name: ' ', active: true, servesTickets: true, servesExternal: true } });
    expect(noName.json.fields).toEqual({ name: 'Informe o nome.' });
  });

  it('validates portal settings', async () => {
    const current = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
    const res = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...current, reopenWindowDays: 0 } });
    expect(res.json.fields).toEqual({ reopenWindowDays: 'O prazo mínimo é 1 dia.' });
  });
});

describe('internal messages never reach the customer', () => {
  it.each([true, false])('with agent replies public by default = %s', async (publicByDefault) => {
    await setPortal({ agentRepliesPublicByDefault: publicByDefault });
    const created = await file(await validTicket());
    const id = created.json.ticket.id;
    const staff = await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent });
    expect(staff.json.defaultVisibility).toBe(publicByDefault ? 'public' : 'internal');
    const note = await t.request('POST', `/api/agent/tickets/${id}/messages`, {
      cookie: agent,
      body: { body: 'Cliente inadimplente, verificar antes.', visibility: 'internal', expectedVersion: staff.json.ticket.version },
    });
    expect(note.status).toBe(201);
    const seen = await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla });
    expect(JSON.stringify(seen.json)).not.toContain('inadimplente');
    expect(seen.json.messages).toHaveLength(1);
  });
});
