import { DEMO_ACCOUNTS } from '@atende/db';
import { outboxForTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/** Issue 15: the customer's e-mails name the visit or agreed date, and until when a resolution waits. */
let t: EngineTestApp;
let carla: string;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

async function openTicket() {
  const { id } = (await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie: carla })).json.items[0] as { id: number };
  const { version } = (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla })).json.ticket as { version: number };
  return { id, version };
}
const lastMail = async (id: number) => (await outboxForTicket(t.store, id)).at(-1)!;

describe('dates in the customer’s e-mails', () => {
  it('the "resolved" e-mail says until when the customer may answer (resolved + 7 days, company calendar)', async () => {
    const { id, version } = await openTicket();
    // 23/11/2026 15:00 UTC = 12:00 in São Paulo; seven days later is 30/11.
    const r = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'Trocamos o cabo.', visibility: 'public', nextStatus: 'resolved', expectedVersion: version } });
    expect(r.status).toBe(201);
    const mail = await lastMail(id);
    expect(mail.kind).toBe('resolved');
    expect(mail.textBody).toContain('Se você não responder até 30/11, o atendimento será concluído.');
    expect(mail.htmlBody).toContain('Se você não responder até 30/11, o atendimento será concluído.');
  });

  it('an update that schedules a visit names its date; one that waits on the customer names the agreed date', async () => {
    const { id, version } = await openTicket();
    const visit = await t.request('POST', `/api/agent/tickets/${id}/messages`, {
      cookie: agent,
      body: { body: 'O técnico vai até vocês.', visibility: 'public', nextStatus: 'onsite_visit', dueDate: '2030-03-15', expectedVersion: version },
    });
    expect(visit.status).toBe(201);
    expect(await lastMail(id)).toMatchObject({ kind: 'agent_update', textBody: expect.stringContaining('Visita agendada para 15/03/2030.') });

    const agreed = await t.request('POST', `/api/agent/tickets/${id}/messages`, {
      cookie: agent,
      body: { body: 'Combinado: aguardamos o comprovante.', visibility: 'public', nextStatus: 'waiting_customer', dueDate: '2030-03-20', expectedVersion: visit.json.ticket.version },
    });
    expect(agreed.status).toBe(201);
    expect((await lastMail(id)).textBody).toContain('Data combinada com você: 20/03/2030.');
  });

  it('a status change alone (no reply) to a visit or an agreed date e-mails the customer with the date', async () => {
    const { id, version } = await openTicket();
    const before = (await outboxForTicket(t.store, id)).length;
    const visit = await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'onsite_visit', dueDate: '2030-04-02', expectedVersion: version } });
    expect(visit.status).toBe(200);
    const mails = await outboxForTicket(t.store, id);
    expect(mails).toHaveLength(before + 1);
    expect(mails.at(-1)).toMatchObject({ kind: 'agent_update', toAddress: DEMO_ACCOUNTS.contact, textBody: expect.stringContaining('Visita agendada para 02/04/2030.') });
    expect(mails.at(-1)!.htmlBody).toContain('Visita agendada para 02/04/2030.');
    // No reply was written: the e-mail says the ticket was updated, it does not quote a reply.
    expect(mails.at(-1)!.textBody).toContain('foi atualizado.');
    expect(mails.at(-1)!.textBody).not.toContain('nova resposta');

    const agreed = await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'waiting_customer', dueDate: '2030-04-09', expectedVersion: visit.json.ticket.version } });
    expect(agreed.status).toBe(200);
    expect((await outboxForTicket(t.store, id)).at(-1)).toMatchObject({ kind: 'agent_update', toAddress: DEMO_ACCOUNTS.contact, textBody: expect.stringContaining('Data combinada com você: 09/04/2030.') });

    // A status that names no date for the customer (pending) sends nothing.
    const pending = await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'pending', expectedVersion: agreed.json.ticket.version } });
    expect(pending.status).toBe(200);
    expect(await outboxForTicket(t.store, id)).toHaveLength(before + 2);
  });

  it('goes in English to a customer whose account language is English', async () => {
    const prefs = { language: 'en', notifyUpdates: true, notifyReminders: true, notifyRatingRequests: true };
    expect((await t.request('PUT', '/api/customer/preferences', { cookie: carla, body: prefs })).status).toBe(200);
    const { id, version } = await openTicket();
    const r = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'We replaced the cable.', visibility: 'public', nextStatus: 'resolved', expectedVersion: version } });
    expect(r.status).toBe(201);
    const mail = await lastMail(id);
    expect(mail.subject).toMatch(/^Ticket resolved: #/);
    expect(mail.textBody).toContain('If you do not answer by 30/11, the ticket will be concluded.');
    expect(mail.htmlBody).toContain('<html lang="en">');
  });
});
