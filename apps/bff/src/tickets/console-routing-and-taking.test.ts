import { DAY_MS } from '@atende/domain';
import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, getTicket, ticketHistory } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { createRoutedTicket } from './create-routed-ticket.js';

/**
 * Issue 14's routing and ownership defects (seed 004): who gets a new ticket, what counts as having
 * served the customer today, and who owns a ticket once it is answered or resolved.
 */
let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const config = { publicUrl: 'http://localhost:3000', mailReplyDomain: 'atende.local' };
/** Local São Paulo wall time (UTC−3) two days after the seed (a Wednesday), when nobody has served anyone yet. */
const local = (hh: number, mm: number) => Date.UTC(2026, 10, 23, hh + 3, mm) + 2 * DAY_MS;
const idOf = async (email: string) => (await findAccountByEmail(t.store, email))!.id;

async function portalTicket(now: number) {
  const carla = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.contact))!;
  if (carla.kind !== 'contact') throw new Error('demo contact missing');
  return createRoutedTicket(t.store, config, {
    subject: 'Mais uma dúvida',
    requesterId: carla.id,
    companyId: carla.companyId,
    departmentId: 1, // Suporte técnico: agente and agente2
    origin: 'portal',
    firstMessage: { authorKind: 'contact', authorId: carla.id, visibility: 'public', body: 'Olá', createdAt: now },
    now,
  });
}

async function post(cookie: string, ticketId: number, body: Record<string, unknown>) {
  const view = (await t.request('GET', `/api/agent/tickets/${ticketId}`, { cookie })).json;
  return t.request('POST', `/api/agent/tickets/${ticketId}/messages`, { cookie, body: { ...body, expectedVersion: view.ticket.version } });
}

async function carlaContactId(cookie: string) {
  return ((await t.request('GET', '/api/agent/directory?q=cliente@', { cookie })).json.contacts[0] as { id: number }).id;
}

describe('who gets a new ticket', () => {
  it('a ticket an agent files on behalf of a caller is that agent’s, even if someone else served the customer today', async () => {
    t.clock.now = local(10, 0);
    const first = await portalTicket(t.clock.now);
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    t.clock.now = local(10, 5);
    expect((await post(bruno, first.id, { body: 'Vamos verificar.', visibility: 'public', nextStatus: 'pending' })).status).toBe(201);

    t.clock.now = local(10, 30);
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const res = await t.request('POST', `/api/agent/contacts/${await carlaContactId(ana)}/tickets`, {
      cookie: ana,
      body: { subject: 'Ligou de novo', departmentId: 1, priority: 'media', body: 'Cliente ligou.', idempotencyKey: 'behalf-key-000001' },
    });
    expect(res.status).toBe(201);
    expect((await getTicket(t.store, res.json.ticket.id))!.assigneeId).toBe(await idOf(DEMO_ACCOUNTS.agent));
  });

  it('Registrar conversa (new ticket) stays with the agent who logged it', async () => {
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const res = await t.request('POST', `/api/agent/contacts/${await carlaContactId(bruno)}/conversations`, {
      cookie: bruno,
      body: { mode: 'new', subject: 'Chat de hoje', departmentId: 1, priority: 'media', transcript: 'Cliente: oi', summary: 'Resumo', idempotencyKey: 'conv-key-00000001' },
    });
    expect(res.status).toBe(201);
    expect((await getTicket(t.store, res.json.ticket.id))!.assigneeId).toBe(await idOf(DEMO_ACCOUNTS.otherAgent));
  });

  it('an internal note does not count as having served the customer today', async () => {
    t.clock.now = local(10, 0);
    const first = await portalTicket(t.clock.now);
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    t.clock.now = local(10, 5);
    expect((await post(bruno, first.id, { body: 'Nota para a equipe.', visibility: 'internal' })).status).toBe(201);
    const second = await portalTicket(local(10, 30));
    // Not routed as "same day" to Bruno: normal assignment, and the history says why.
    const routed = (await ticketHistory(t.store, second.id)).find((e) => e.type === 'assigned' || e.type === 'assigned_by_routing')!;
    expect(routed).toMatchObject({ type: 'assigned', data: { reason: 'not_served_today' } });
  });

  it('an agent who serves no department (the admin) is never chosen by same-day routing', async () => {
    t.clock.now = local(10, 0);
    const first = await portalTicket(t.clock.now);
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    t.clock.now = local(10, 5);
    expect((await post(admin, first.id, { body: 'Respondi eu mesma.', visibility: 'public', nextStatus: 'pending' })).status).toBe(201);
    const second = await portalTicket(local(10, 30));
    expect(second.assigneeId).not.toBe(await idOf(DEMO_ACCOUNTS.admin));
    expect([await idOf(DEMO_ACCOUNTS.agent), await idOf(DEMO_ACCOUNTS.otherAgent)]).toContain(second.assigneeId);
  });
});

describe('answering or resolving an unassigned ticket', () => {
  it('assigns it to the agent who did it, with the change in the history', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const unassigned = (await t.request('GET', '/api/agent/tickets?queue=unassigned', { cookie: ana })).json.items as { id: number }[];
    expect(unassigned.length).toBeGreaterThan(0);
    const id = unassigned[0]!.id;
    expect((await post(ana, id, { body: 'Resolvido: reiniciamos o equipamento.', visibility: 'public', nextStatus: 'resolved' })).status).toBe(201);
    expect((await getTicket(t.store, id))!.assigneeId).toBe(await idOf(DEMO_ACCOUNTS.agent));
    const view = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json;
    expect(view.history).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'assignee_changed', data: { from: null, to: await idOf(DEMO_ACCOUNTS.agent) } })]));
  });
});

describe('due times of tickets that owe an answer', () => {
  it('a new portal ticket is due by its first-response target and shows in "Trabalho de hoje"', async () => {
    t.clock.now = local(10, 0);
    const ticket = await portalTicket(t.clock.now);
    expect(ticket.dueAt).toBe(local(18, 0)); // media: 8 business hours from 10:00 → 18:00
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const today = (await t.request('GET', '/api/agent/tickets?queue=today', { cookie: ana })).json.items as { id: number }[];
    expect(today.map((x) => x.id)).toContain(ticket.id);
  });
});
