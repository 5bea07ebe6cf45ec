import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/live-event.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/**
 * "Novo chamado" reaches the agents who will work the ticket: in the console (the notifications list)
 * and, per each agent's preference, by e-mail through the outbox. Same rules as the other notices: the
 * assignee, else the department's agents; never the agent who filed it.
 */
let t: EngineTestApp;
let department: { id: number };
let subject: { id: number };
let busy: { id: number; email: string };
let free: { id: number; email: string };
let contact: { id: number; email: string };
let seq = 0;

beforeEach(async () => {
  t = await createEngineTestApp({ content: 'empty' });
  department = await t.make.department();
  subject = await t.make.subject({ showOnHotsite: true });
  busy = await t.make.agent({ departmentIds: [department.id] });
  free = await t.make.agent({ departmentIds: [department.id] });
  // Routing gives a new ticket to the least-loaded agent of the department: `busy` already has one.
  await t.make.ticket({ status: 'open', departmentId: department.id, assigneeId: busy.id });
  contact = await t.make.contact();
});
afterEach(() => t.dispose());

const key = () => `new-ticket-notify-${String(++seq).padStart(6, '0')}`;

async function fileTicket(origin: 'portal' | 'hotsite', idempotencyKey = key()) {
  const cookie = await t.signIn(contact.email);
  const res = await t.request('POST', '/api/customer/tickets', {
    cookie,
    body: { departmentId: department.id, subjectId: subject.id, subject: 'Catraca travada aberta', body: 'Qualquer um entra.', origin, idempotencyKey },
  });
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
  return res.json.ticket.id as number;
}

async function notificationsOf(agent: { email: string }) {
  const res = await t.request('GET', '/api/agent/notifications', { cookie: await t.signIn(agent.email) });
  expect(res.status).toBe(200);
  return res.json as { items: { ticketId: number; kind: string; readAt: string | null }[]; unreadCount: number };
}

function notifyMailsTo(address: string, ticketId: number) {
  return t.rows<{ subject: string; text: string }>("select subject, text_body as text from outbox where kind = 'notify_new_ticket' and to_address = ? and text_body like ?", [address, `%/console/chamados/${ticketId}%`]);
}

describe('a new ticket notifies its agents', () => {
  it.each(['portal', 'hotsite'] as const)('from the %s: the assignee sees "Novo chamado" in the console and gets the e-mail', async (origin) => {
    const heard: LiveEvent[] = [];
    t.events.subscribe((e) => {
      if (e.type === 'notification') heard.push(e);
    });
    const ticketId = await fileTicket(origin);

    const mine = await notificationsOf(free);
    expect(mine.unreadCount).toBe(1);
    expect(mine.items).toEqual([expect.objectContaining({ ticketId, kind: 'new_ticket', readAt: null })]);
    const mails = await notifyMailsTo(free.email, ticketId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Novo chamado: #${ticketId} – Catraca travada aberta`);
    // Only the assignee: the other agent of the department is not disturbed.
    expect((await notificationsOf(busy)).items).toEqual([]);
    expect(await notifyMailsTo(busy.email, ticketId)).toEqual([]);
    // The assignee's open console hears of it live.
    expect(heard).toEqual([expect.objectContaining({ ticketId, audience: { agents: [free.id], contactId: null } })]);
  });

  it('a repeated submission (same idempotency key) notifies nobody twice', async () => {
    const idempotencyKey = key();
    const first = await fileTicket('portal', idempotencyKey);
    const again = await fileTicket('portal', idempotencyKey);
    expect(again).toBe(first);
    expect((await notificationsOf(free)).items).toHaveLength(1);
    expect(await notifyMailsTo(free.email, first)).toHaveLength(1);
  });

  it('with "Novo chamado" off by e-mail, the agent still sees it in the console but gets no e-mail', async () => {
    const cookie = await t.signIn(free.email);
    const prefs = await t.request('GET', '/api/agent/notification-preferences', { cookie });
    expect(prefs.json.kinds).toContain('new_ticket');
    expect(prefs.json.emailKinds).toContain('new_ticket'); // on until the agent chooses
    const off = await t.request('PUT', '/api/agent/notification-preferences', { cookie, body: { emailKinds: prefs.json.emailKinds.filter((k: string) => k !== 'new_ticket') } });
    expect(off.status).toBe(200);
    expect(off.json.emailKinds).not.toContain('new_ticket');

    const ticketId = await fileTicket('portal');
    expect((await notificationsOf(free)).items).toEqual([expect.objectContaining({ ticketId, kind: 'new_ticket' })]);
    expect(await notifyMailsTo(free.email, ticketId)).toEqual([]);
  });

  it('a ticket an agent files for a contact is theirs: nobody is notified, not even them', async () => {
    const cookie = await t.signIn(free.email);
    const res = await t.request('POST', `/api/agent/contacts/${contact.id}/tickets`, {
      cookie,
      body: { subject: 'Pedido por telefone', departmentId: department.id, priority: 'media', body: 'Ligou pedindo segunda via.', idempotencyKey: key() },
    });
    expect(res.status).toBe(201);
    expect((await notificationsOf(free)).items).toEqual([]);
    expect((await notificationsOf(busy)).items).toEqual([]);
  });

  it('on a ticket without an assignee, every agent of its department hears the customer', async () => {
    const ticket = await t.make.ticket({ status: 'open', requesterId: contact.id, departmentId: department.id, assigneeId: null });
    const cookie = await t.signIn(contact.email);
    const res = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie, body: { body: 'Alguma novidade?', expectedVersion: ticket.version } });
    expect(res.status).toBe(201);
    for (const agent of [busy, free]) expect((await notificationsOf(agent)).items).toEqual([expect.objectContaining({ ticketId: ticket.id, kind: 'customer_message' })]);
  });
});
