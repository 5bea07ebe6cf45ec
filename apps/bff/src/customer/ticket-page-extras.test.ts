import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let carla: string;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

const DAY = 24 * 60 * 60 * 1000;
const firstIn = async (tab: string) => (await t.request('GET', `/api/customer/tickets?tab=${tab}`, { cookie: carla })).json.items[0] as { id: number };
const detail = async (id: number) => (await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla })).json;

describe('the dates on the customer’s ticket', () => {
  it('a resolved ticket says until when the customer may answer: resolved + the approval-timeout days', async () => {
    const { id } = await firstIn('awaiting_approval');
    const resolvedAt = (await getTicket(t.store, id))!.resolvedAt!;
    const { dates } = await detail(id);
    expect(dates.answerBy).toEqual({ at: new Date(resolvedAt + 7 * DAY).toISOString(), outcome: 'close' });
    expect(dates.timeZone).toBe('America/Sao_Paulo');
  });

  it('a scheduled visit shows its date; waiting on the customer shows the agreed date', async () => {
    const { id } = await firstIn('awaiting_return');
    const version = (await detail(id)).ticket.version;
    const visit = await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'onsite_visit', dueDate: '2030-03-15', expectedVersion: version } });
    expect(visit.status).toBe(200);
    const visiting = await detail(id);
    expect(visiting.dates).toMatchObject({ visitAt: expect.stringMatching(/^2030-03-15T/), agreedAt: null, answerBy: null });

    const agreed = await t.request('POST', `/api/agent/tickets/${id}/status`, {
      cookie: agent,
      body: { status: 'waiting_customer', dueDate: '2030-03-20', expectedVersion: visiting.ticket.version },
    });
    expect(agreed.status).toBe(200);
    expect((await detail(id)).dates).toMatchObject({ visitAt: null, agreedAt: expect.stringMatching(/^2030-03-2[01]T/) });
  });
});

describe('the customer’s own ratings', () => {
  it('shows the score and comment they gave', async () => {
    const { id } = await firstIn('unrated');
    const version = (await detail(id)).ticket.version;
    const rated = await t.request('POST', `/api/customer/tickets/${id}/rating`, { cookie: carla, body: { score: 4, comment: 'Rápido, mas voltou a falhar.', expectedVersion: version } });
    expect(rated.status).toBe(201);
    const { ratings } = await detail(id);
    expect(ratings).toEqual([expect.objectContaining({ score: 4, comment: 'Rápido, mas voltou a falhar.' })]);
  });
});
