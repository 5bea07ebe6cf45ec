import { DEMO_ACCOUNTS } from '@atende/db';
import { getCompanySettings, getSlaSettings, getTicket, listAudit } from '@atende/db/store';
import { DEFAULT_SLA_POLICY, responseDueAt } from '@atende/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let admin: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  admin = await t.signIn(DEMO_ACCOUNTS.admin);
});
afterEach(() => t.dispose());

const changed = {
  firstResponseHours: { ...DEFAULT_SLA_POLICY.firstResponseHours, media: 2 },
  nextResponseHours: { ...DEFAULT_SLA_POLICY.nextResponseHours, media: 3.5 },
};

async function fileTicket(cookie: string) {
  const options = (await t.request('GET', '/api/customer/new-ticket/options', { cookie })).json as { departments: { id: number; name: string }[]; subjects: { id: number; name: string }[] };
  const res = await t.request('POST', '/api/customer/tickets', {
    cookie,
    body: {
      departmentId: options.departments.find((d) => d.name === 'Suporte técnico')!.id,
      subjectId: options.subjects.find((s) => s.name === 'Sem conexão')!.id,
      subject: 'Internet fora do ar na recepção',
      body: 'Desde cedo nenhum computador navega.',
      origin: 'portal',
      idempotencyKey: `sla-test-${Math.random().toString(36).slice(2, 12)}`,
    },
  });
  expect(res.status).toBe(201);
  const { dueAt, createdAt, priority } = (await getTicket(t.store, res.json.ticket.id))!;
  return { dueAt, createdAt, priority };
}

describe('SLA settings (admin): response targets per priority', () => {
  it('an admin changes a target: it is kept, audited, and the next new ticket is due by it', async () => {
    const before = await t.request('GET', '/api/admin/sla-settings', { cookie: admin });
    expect(before.json).toEqual(DEFAULT_SLA_POLICY);

    const saved = await t.request('PUT', '/api/admin/sla-settings', { cookie: admin, body: changed });
    expect(saved.status).toBe(200);
    expect(saved.json).toEqual(changed);
    expect(await getSlaSettings(t.store)).toEqual(changed);
    const audit = (await listAudit(t.store, { before: null, limit: 20 })).find((e) => e.event === 'settings_changed');
    expect(audit!.details).toEqual({ group: 'sla', before: DEFAULT_SLA_POLICY, after: changed });

    // A customer's new ticket (priority média) is due 2 business hours after it was filed, not 8.
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const ticket = await fileTicket(carla);
    expect(ticket.priority).toBe('media');
    const clock = await getCompanySettings(t.store);
    expect(ticket.dueAt).toBe(responseDueAt({ kind: 'first_response', priority: 'media', from: ticket.createdAt, clock, policy: changed }));
    expect(ticket.dueAt).not.toBe(responseDueAt({ kind: 'first_response', priority: 'media', from: ticket.createdAt, clock, policy: DEFAULT_SLA_POLICY }));
  });

  it('refuses bad values field by field, in the caller’s language, and changes nothing', async () => {
    const bad = { ...changed, firstResponseHours: { ...changed.firstResponseHours, urgente: 0 }, nextResponseHours: { ...changed.nextResponseHours, baixa: 1000 } };
    const refused = await t.request('PUT', '/api/admin/sla-settings', { cookie: admin, body: bad });
    expect(refused.status).toBe(400);
    expect(refused.json.fields).toEqual({ 'firstResponseHours.urgente': 'No mínimo 15 minutos.', 'nextResponseHours.baixa': 'No máximo 720 horas.' });
    const english = await t.request('PUT', '/api/admin/sla-settings', { cookie: admin, body: { ...changed, firstResponseHours: { ...changed.firstResponseHours, alta: null } }, headers: { 'accept-language': 'en' } });
    expect(english.json.fields).toEqual({ 'firstResponseHours.alta': 'Enter the hours.' });
    expect(await getSlaSettings(t.store)).toEqual(DEFAULT_SLA_POLICY);
  });

  it('is for admins only', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('GET', '/api/admin/sla-settings', { cookie: agent })).status).toBe(403);
    expect((await t.request('PUT', '/api/admin/sla-settings', { cookie: agent, body: changed })).status).toBe(403);
    expect(await getSlaSettings(t.store)).toEqual(DEFAULT_SLA_POLICY);
  });
});
