import { DAY_MS } from '@atende/domain';
import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccountByEmail, outboxForTicket, ticketHistory } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { createRoutedTicket } from './create-routed-ticket.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const config = { publicUrl: 'http://localhost:3000', mailReplyDomain: 'atende.local' };
/** Local São Paulo wall time (UTC−3) two days after the seed, when nobody has served anyone yet. */
const local = (hh: number, mm: number, dayOffset = 2) => Date.UTC(2026, 10, 23, hh + 3, mm) + dayOffset * DAY_MS;

async function newTicket(now: number) {
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

const routingEvent = async (ticketId: number) => (await ticketHistory(t.store, ticketId)).find((e) => e.type === 'assigned' || e.type === 'assigned_by_routing')!;

describe('same-day routing on ticket creation (seed 004)', () => {
  it('sends a returning customer to the agent who served them today, with the reason in the history and a "received" e-mail', async () => {
    t.clock.now = local(10, 0);
    const first = await newTicket(t.clock.now);
    expect(await routingEvent(first.id)).toMatchObject({ type: 'assigned', data: { reason: 'not_served_today' } });
    expect((await outboxForTicket(t.store, first.id)).map((m) => m.kind)).toEqual(['ticket_received']);

    // agente2 serves Carla at 10:05.
    t.clock.now = local(10, 5);
    const agent2 = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const view = (await t.request('GET', `/api/agent/tickets/${first.id}`, { cookie: agent2 })).json;
    await t.request('POST', `/api/agent/tickets/${first.id}/messages`, { cookie: agent2, body: { body: 'Vamos verificar.', visibility: 'public', dueDate: agreedDate(t.clock.now), expectedVersion: view.ticket.version } });
    const agent2Id = (await findAccountByEmail(t.store, DEMO_ACCOUNTS.otherAgent))!.id;

    const second = await newTicket(local(10, 30));
    expect(second.assigneeId).toBe(agent2Id);
    expect(await routingEvent(second.id)).toMatchObject({ type: 'assigned_by_routing', data: { reason: 'same_day', to: agent2Id, previousAgentId: agent2Id } });

    // Inside the lunch window the normal assignment applies, and the history says so.
    const lunch = await newTicket(local(12, 0));
    expect(await routingEvent(lunch.id)).toMatchObject({ type: 'assigned', data: { reason: 'special_window', window: '11:50–13:20' } });

    // Next local day: the day has reset.
    const tomorrow = await newTicket(local(0, 1, 3));
    expect(await routingEvent(tomorrow.id)).toMatchObject({ type: 'assigned', data: { reason: 'not_served_today' } });
  });
});

/** A date agreed with the customer a few days ahead (a public reply waits on the customer until then). */
function agreedDate(from: number): string {
  return new Date(from + 5 * 86_400_000).toISOString().slice(0, 10);
}
