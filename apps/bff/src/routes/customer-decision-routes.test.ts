import { DEMO_ACCOUNTS } from '@atende/db';
import { ticketHistory } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let carla: string;
let otavio: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
});
afterEach(() => t.dispose());

const DAY = 24 * 60 * 60 * 1000;

async function firstIn(cookie: string, tab: string) {
  const page = await t.request('GET', `/api/customer/tickets?tab=${tab}`, { cookie });
  return page.json.items[0] as { id: number };
}
async function detail(cookie: string, id: number) {
  const r = await t.request('GET', `/api/customer/tickets/${id}`, { cookie });
  return r.json;
}
const counts = async (cookie: string) => (await t.request('GET', '/api/customer/tickets/counts', { cookie })).json.counts;
const post = (cookie: string, path: string, body: unknown) => t.request('POST', `/api/customer${path}`, { cookie, body });

describe('Confirmar solução', () => {
  it('closes the resolved ticket, moves it to "Não avaliados" and records who, when and from → to', async () => {
    const before = await counts(carla);
    const { id } = await firstIn(carla, 'awaiting_approval');
    const { ticket } = await detail(carla, id);
    t.clock.now += 1000;
    const r = await post(carla, `/tickets/${id}/confirm`, { expectedVersion: ticket.version });
    expect(r.status).toBe(200);
    expect(r.json.ticket.status).toBe('closed');
    const after = await counts(carla);
    expect(after.awaiting_approval).toBe(before.awaiting_approval - 1);
    expect(after.unrated).toBe(before.unrated + 1);
    expect((await detail(carla, id)).ticket).toMatchObject({ canRate: true, status: 'closed' });
    expect((await ticketHistory(t.store, id)).at(-1)).toMatchObject({ type: 'status_changed', actorKind: 'contact', fromStatus: 'resolved', toStatus: 'closed', createdAt: t.clock.now });
  });

  it('is refused on a ticket that is not resolved, changing nothing', async () => {
    const { id } = await firstIn(carla, 'awaiting_return');
    const before = await detail(carla, id);
    const r = await post(carla, `/tickets/${id}/confirm`, { expectedVersion: before.ticket.version });
    expect(r.status).toBe(409);
    expect(r.json.code).toBe('invalid_transition');
    expect(await detail(carla, id)).toEqual(before);
  });
});

describe('Não foi resolvido', () => {
  it('reopens to the same agent with the reason as the customer’s public message and in the history', async () => {
    const { id } = await firstIn(carla, 'awaiting_approval');
    const before = await detail(carla, id);
    const r = await post(carla, `/tickets/${id}/not-resolved`, { reason: 'A internet continua lenta à noite.', expectedVersion: before.ticket.version });
    expect(r.status).toBe(200);
    const after = await detail(carla, id);
    expect(after.ticket).toMatchObject({ status: 'open', assigneeName: before.ticket.assigneeName });
    expect(after.messages.at(-1)).toMatchObject({ body: 'A internet continua lenta à noite.', visibility: 'public', authorKind: 'contact' });
    // The last status event (the reopened ticket also gets its next-response due time, a field change).
    expect((await ticketHistory(t.store, id)).filter((e) => e.toStatus !== null).at(-1)).toMatchObject({ fromStatus: 'resolved', toStatus: 'open', data: { reason: 'A internet continua lenta à noite.' } });
  });

  it('requires a reason', async () => {
    const { id } = await firstIn(carla, 'awaiting_approval');
    const before = await detail(carla, id);
    const r = await post(carla, `/tickets/${id}/not-resolved`, { reason: '   ', expectedVersion: before.ticket.version });
    expect(r.status).toBe(400);
    expect(r.json.fields.reason).toBe('Conte o que não foi resolvido.');
    expect(await detail(carla, id)).toEqual(before);
  });
});

describe('rating', () => {
  it('rates the current closing once; the ticket leaves "Não avaliados"; a second rating is refused', async () => {
    const before = await counts(carla);
    const { id } = await firstIn(carla, 'unrated');
    const { ticket } = await detail(carla, id);
    const r = await post(carla, `/tickets/${id}/rating`, { score: 4, comment: 'Resolveram rápido.', expectedVersion: ticket.version });
    expect(r.status).toBe(201);
    expect((await counts(carla)).unrated).toBe(before.unrated - 1);
    const again = await post(carla, `/tickets/${id}/rating`, { score: 1, expectedVersion: r.json.ticket.version });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe('rating_not_due');
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const view = await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent });
    expect(view.json.ratings).toEqual([expect.objectContaining({ closing: 1, score: 4, comment: 'Resolveram rápido.' })]);
    expect(view.json.history.at(-1)).toMatchObject({ type: 'rated', actorKind: 'contact', data: { score: 4, closing: 1 } });
  });

  it('refuses a score outside 1–5 and a comment over 2,000 characters', async () => {
    const { id } = await firstIn(carla, 'unrated');
    const { ticket } = await detail(carla, id);
    for (const body of [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: 3, comment: 'x'.repeat(2001) }]) {
      const r = await post(carla, `/tickets/${id}/rating`, { ...body, expectedVersion: ticket.version });
      expect(r.status, JSON.stringify(body).slice(0, 30)).toBe(400);
    }
    expect((await detail(carla, id)).ticket.canRate).toBe(true);
  });

  it('after the rating window the ticket is no longer rateable nor in "Não avaliados"', async () => {
    const { id } = await firstIn(carla, 'unrated');
    const { ticket } = await detail(carla, id);
    t.clock.now += 31 * DAY;
    carla = await t.signIn(DEMO_ACCOUNTS.contact); // the old session expired meanwhile
    expect((await detail(carla, id)).ticket.canRate).toBe(false);
    const r = await post(carla, `/tickets/${id}/rating`, { score: 5, expectedVersion: ticket.version });
    expect(r.json.code).toBe('rating_not_due');
  });

  it('a reopened and closed-again ticket is due a new rating; the earlier one stays in its history', async () => {
    const { id } = await firstIn(carla, 'unrated');
    let { ticket } = await detail(carla, id);
    let r = await post(carla, `/tickets/${id}/rating`, { score: 2, expectedVersion: ticket.version });
    r = await post(carla, `/tickets/${id}/replies`, { body: 'Voltou a acontecer.', expectedVersion: r.json.ticket.version });
    expect(r.json.ticket.status).toBe('open');
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    await t.request('POST', `/api/agent/tickets/${id}/status`, { cookie: agent, body: { status: 'closed', expectedVersion: r.json.ticket.version } });
    ({ ticket } = await detail(carla, id));
    expect(ticket.canRate).toBe(true);
    expect((await post(carla, `/tickets/${id}/rating`, { score: 5, expectedVersion: ticket.version })).status).toBe(201);
    const view = await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent });
    expect(view.json.ratings.map((x: { closing: number; score: number }) => [x.closing, x.score])).toEqual([[1, 2], [2, 5]]);
  });
});

describe('reopening a closed ticket', () => {
  it('is refused plainly when the portal does not allow it, and the page knows before the customer types', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const current = (await t.request('GET', '/api/admin/portal-settings', { cookie: admin })).json.settings;
    const set = await t.request('PUT', '/api/admin/portal-settings', { cookie: admin, body: { ...current, allowReopen: false } });
    expect(set.status).toBe(200);
    const { id } = await firstIn(carla, 'unrated');
    const before = await detail(carla, id);
    expect(before.ticket).toMatchObject({ canReply: false, replyRefusal: 'reopen_disabled' });
    const r = await post(carla, `/tickets/${id}/replies`, { body: 'Reabrir, por favor.', expectedVersion: before.ticket.version });
    expect(r.status).toBe(409);
    expect(r.json).toMatchObject({ code: 'reopen_disabled', message: expect.stringMatching(/novo atendimento/i) });
    expect(await detail(carla, id)).toEqual(before);
  });

  it('is refused after the reopen window, and allowed inside it back to the same agent', async () => {
    const { id } = await firstIn(carla, 'unrated');
    const before = await detail(carla, id);
    expect(before.ticket.canReply).toBe(true);
    const r = await post(carla, `/tickets/${id}/replies`, { body: 'Voltou a falhar.', expectedVersion: before.ticket.version });
    expect(r.json.ticket.status).toBe('open');
    expect((await detail(carla, id)).ticket.assigneeName).toBe(before.ticket.assigneeName);
    expect((await ticketHistory(t.store, id)).filter((e) => e.type !== 'email_sent' && e.type !== 'field_changed').at(-1)).toMatchObject({ type: 'reopened', fromStatus: 'closed', toStatus: 'open' });

    const other = (await t.request('GET', '/api/customer/tickets?tab=unrated', { cookie: carla })).json.items[0];
    t.clock.now += 31 * DAY;
    carla = await t.signIn(DEMO_ACCOUNTS.contact); // the old session expired meanwhile
    expect((await detail(carla, other.id)).ticket.replyRefusal).toBe('reopen_window_passed');
  });
});

describe('authorization and stale pages', () => {
  it('another contact’s ticket is 404 on every action, even with a stale version, and nothing changes', async () => {
    for (const tab of ['awaiting_approval', 'unrated']) {
      const { id } = await firstIn(otavio, tab);
      const before = await detail(otavio, id);
      for (const version of [before.ticket.version, before.ticket.version + 7]) {
        const actions: [string, unknown][] = [
          ['confirm', { expectedVersion: version }],
          ['not-resolved', { reason: 'Não resolveu.', expectedVersion: version }],
          ['rating', { score: 1, expectedVersion: version }],
          ['replies', { body: 'Oi', expectedVersion: version }],
        ];
        for (const [action, body] of actions) {
          const r = await post(carla, `/tickets/${id}/${action}`, body);
          expect(r.status, `${tab} ${action}`).toBe(404);
          expect(r.json.code).toBe('not_found');
        }
      }
      expect(await detail(otavio, id)).toEqual(before);
    }
  });

  it('a decision based on a stale page is a conflict and changes nothing', async () => {
    const { id } = await firstIn(carla, 'awaiting_approval');
    const before = await detail(carla, id);
    const r = await post(carla, `/tickets/${id}/confirm`, { expectedVersion: before.ticket.version + 3 });
    expect(r.status).toBe(409);
    expect(r.json.code).toBe('conflict');
    expect(await detail(carla, id)).toEqual(before);
  });

  it('agents cannot take the customer’s decisions', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const { id } = await firstIn(carla, 'awaiting_approval');
    expect((await post(agent, `/tickets/${id}/confirm`, { expectedVersion: 1 })).status).toBe(403);
  });
});
