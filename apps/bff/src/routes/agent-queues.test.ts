import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

// The test clock is Monday 2026-11-23 12:00 in São Paulo (15:00 UTC).
let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

type Item = { id: number; subject: string; status: string; priority: string; origin: string; dueAt: string | null; overdue: boolean; assigneeName: string | null; companyName: string | null; updatedAt: string };

async function allOf(query: string): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '';
    const page: any = await t.request('GET', `/api/agent/tickets?${query}${cursor ? `${sep}cursor=${cursor}` : ''}`, { cookie: agent });
    expect(page.status).toBe(200);
    items.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return items;
}

async function view(id: number) {
  return (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
}

describe('queues', () => {
  it('Trabalho de hoje holds the open/pending/waiting/visit tickets due today or earlier; the counts match', async () => {
    const today = await allOf('queue=today');
    expect(today.map((i) => i.subject).sort()).toEqual(['Agendar instalação na filial', 'Fatura com valor errado', 'Troca de titularidade']);
    const first: any = await t.request('GET', '/api/agent/tickets?queue=today', { cookie: agent });
    expect(first.json.counts.today).toBe(3);
    expect(first.json.counts.overdue).toBe(1);
  });

  it('Vencidos holds the overdue ones, marked overdue everywhere', async () => {
    const overdue = await allOf('queue=overdue');
    expect(overdue.map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect(overdue[0]!.overdue).toBe(true);
    const everything = await allOf('');
    expect(everything.filter((i) => i.overdue).map((i) => i.subject)).toEqual(['Troca de titularidade']);
    expect((await view(overdue[0]!.id)).ticket.overdue).toBe(true);
  });

  it('tomorrow’s tickets join Trabalho de hoje when the company’s day turns, not the UTC day', async () => {
    const [open] = await allOf('status=open');
    const v = (await view(open!.id)).ticket;
    await t.request('POST', `/api/agent/tickets/${open!.id}/status`, { cookie: agent, body: { status: 'pending', expectedVersion: v.version } });
    t.clock.now = Date.parse('2026-11-23T23:30:00-03:00'); // already the 24th in UTC, still the 23rd in São Paulo
    agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await allOf('queue=today')).some((i) => i.id === open!.id)).toBe(false);
    t.clock.now = Date.parse('2026-11-24T00:30:00-03:00');
    agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await allOf('queue=today')).some((i) => i.id === open!.id)).toBe(true);
  });

  it('Meus chamados and Sem responsável', async () => {
    const mine = await allOf('queue=mine');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((i) => i.assigneeName === 'Ana Atendente' && i.status !== 'closed')).toBe(true);
    const unassigned = await allOf('queue=unassigned');
    expect(unassigned.length).toBeGreaterThan(0);
    expect(unassigned.every((i) => i.assigneeName === null)).toBe(true);
  });

  it('filters by status, priority, origin and company combine', async () => {
    const all = await allOf('');
    const urgent = await allOf('priority=urgente');
    expect(urgent.map((i) => i.subject)).toEqual(['Catraca travada aberta na recepção']);
    const hotsitePending = await allOf('origin=hotsite&status=pending');
    expect(hotsitePending.length).toBe(all.filter((i) => i.origin === 'hotsite' && i.status === 'pending').length);
    expect(hotsitePending.every((i) => i.origin === 'hotsite' && i.status === 'pending')).toBe(true);
    const netsul = all.find((i) => i.companyName === 'Mercado NetSul')!;
    const [companyId] = await t.rows<{ c: number }>('select company_id as c from tickets where id = ?', [netsul.id]);
    const byCompany = await allOf(`companyId=${companyId!.c}`);
    expect(byCompany.length).toBe(all.filter((i) => i.companyName === 'Mercado NetSul').length);
    const options: any = await t.request('GET', '/api/agent/options', { cookie: agent });
    const bruno = options.json.agents.find((a: { name: string }) => a.name === 'Bruno Técnico');
    const byAssignee = await allOf(`assigneeId=${bruno.id}`);
    expect(byAssignee.length).toBe(all.filter((i) => i.assigneeName === 'Bruno Técnico').length);
    const financeiro = options.json.departments.find((d: { name: string }) => d.name === 'Financeiro');
    const byDepartment = await allOf(`departmentId=${financeiro.id}&queue=today`);
    expect(byDepartment.map((i) => i.subject).sort()).toEqual(['Fatura com valor errado', 'Troca de titularidade']);
  });

  it('sorts by due date (undated last) across pages', async () => {
    const byDue = await allOf('sort=due');
    expect(byDue.length).toBe((await allOf('')).length);
    const keys = byDue.map((i) => (i.dueAt ? Date.parse(i.dueAt) : Number.MAX_SAFE_INTEGER));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    expect(byDue[0]!.subject).toBe('Troca de titularidade');
  });

  it('refuses unknown filters and values', async () => {
    expect((await t.request('GET', '/api/agent/tickets?queue=later', { cookie: agent })).status).toBe(400);
    expect((await t.request('GET', '/api/agent/tickets?color=red', { cookie: agent })).status).toBe(400);
  });
});

describe('due dates on status changes', () => {
  it('pending sets the next business day; waiting_customer needs the agreed date; both are in the history', async () => {
    const [open] = await allOf('status=open');
    const v = (await view(open!.id)).ticket;
    const pending = await t.request('POST', `/api/agent/tickets/${open!.id}/status`, { cookie: agent, body: { status: 'pending', expectedVersion: v.version } });
    expect(pending.status).toBe(200);
    expect(new Date(pending.json.ticket.dueAt).toISOString()).toBe('2026-11-24T21:00:00.000Z');

    const noDate = await t.request('POST', `/api/agent/tickets/${open!.id}/messages`, {
      cookie: agent,
      body: { body: 'Aguardo o eletricista.', visibility: 'public', expectedVersion: pending.json.ticket.version },
    });
    expect(noDate.status).toBe(400);
    expect(noDate.json.code).toBe('due_date_required');

    const agreed = await t.request('POST', `/api/agent/tickets/${open!.id}/messages`, {
      cookie: agent,
      body: { body: 'Aguardo o eletricista.', visibility: 'public', dueDate: '2026-11-27', expectedVersion: pending.json.ticket.version },
    });
    expect(agreed.status).toBe(201);
    const after = await view(open!.id);
    expect(after.ticket.dueAt).toBe('2026-11-27T21:00:00.000Z');
    expect(after.history.filter((e: any) => e.type === 'field_changed' && e.data.field === 'dueAt').length).toBe(2);
  });

  it('onsite_visit without the visit date is refused', async () => {
    const [open] = await allOf('status=open');
    const v = (await view(open!.id)).ticket;
    const r = await t.request('POST', `/api/agent/tickets/${open!.id}/status`, { cookie: agent, body: { status: 'onsite_visit', expectedVersion: v.version } });
    expect(r.status).toBe(400);
    expect(r.json.code).toBe('due_date_required');
  });

  it('extending the due date with a note takes the ticket out of Trabalho de hoje; the note is internal', async () => {
    const [overdue] = await allOf('queue=overdue');
    const v = (await view(overdue!.id)).ticket;
    const r = await t.request('POST', `/api/agent/tickets/${overdue!.id}/due`, {
      cookie: agent,
      body: { dueDate: '2026-11-30', note: 'Cliente pediu para ligar na segunda.', expectedVersion: v.version },
    });
    expect(r.status).toBe(200);
    expect((await allOf('queue=today')).some((i) => i.id === overdue!.id)).toBe(false);
    const after = await view(overdue!.id);
    expect(after.messages.at(-1)).toMatchObject({ body: 'Cliente pediu para ligar na segunda.', visibility: 'internal' });
    const customer = await t.signIn(DEMO_ACCOUNTS.otherContact);
    const seen = await t.request('GET', `/api/customer/tickets/${overdue!.id}`, { cookie: customer });
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain('Cliente pediu para ligar na segunda.');
  });

  it('a stale extension is a conflict and changes nothing', async () => {
    const [overdue] = await allOf('queue=overdue');
    const v = (await view(overdue!.id)).ticket;
    await t.request('POST', `/api/agent/tickets/${overdue!.id}/due`, { cookie: agent, body: { dueDate: '2026-11-30', note: 'Primeiro.', expectedVersion: v.version } });
    const stale = await t.request('POST', `/api/agent/tickets/${overdue!.id}/due`, { cookie: agent, body: { dueDate: '2026-12-04', note: 'Segundo.', expectedVersion: v.version } });
    expect(stale.status).toBe(409);
    expect((await view(overdue!.id)).ticket.dueAt).toBe('2026-11-30T21:00:00.000Z');
  });
});
