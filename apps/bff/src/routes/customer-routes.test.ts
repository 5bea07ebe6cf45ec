import { DEMO_ACCOUNTS } from '@atende/db';
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

async function firstTicketIn(cookie: string, tab: string) {
  const page = await t.request('GET', `/api/customer/tickets?tab=${tab}`, { cookie });
  expect(page.status).toBe(200);
  return page.json.items[0] as { id: number; subject: string; status: string };
}

async function detail(cookie: string, id: number) {
  return t.request('GET', `/api/customer/tickets/${id}`, { cookie });
}

describe('Painel do Cliente', () => {
  it('each tab count equals what the tab lists, across pages', async () => {
    const { json } = await t.request('GET', '/api/customer/tickets/counts', { cookie: carla });
    for (const [tab, count] of Object.entries(json.counts as Record<string, number>)) {
      const ids: number[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await t.request('GET', `/api/customer/tickets?tab=${tab}${cursor ? `&cursor=${cursor}` : ''}`, { cookie: carla });
        ids.push(...page.json.items.map((i: { id: number }) => i.id));
        cursor = page.json.nextCursor;
      } while (cursor);
      expect(ids.length, tab).toBe(count);
    }
    expect(json.counts.all).toBeGreaterThan(20); // more than one page of 20
  });

  it('lists only the contact’s own tickets', async () => {
    const mine = await t.request('GET', '/api/customer/tickets?tab=all', { cookie: otavio });
    for (const item of mine.json.items) {
      expect((await detail(otavio, item.id)).status).toBe(200);
      expect((await detail(carla, item.id)).status).toBe(404);
    }
  });

  it('refuses an unknown tab or a forged cursor with a clear message', async () => {
    expect((await t.request('GET', '/api/customer/tickets?tab=secret', { cookie: carla })).json.code).toBe('validation_failed');
    const forged = await t.request('GET', '/api/customer/tickets?cursor=bm9wZQ', { cookie: carla });
    expect(forged.json).toMatchObject({ code: 'validation_failed', fields: { cursor: 'Página inválida.' } });
  });
});

describe('ticket thread', () => {
  it('shows the public thread and never internal notes', async () => {
    const ticket = await firstTicketIn(carla, 'awaiting_my_reply');
    const { json } = await detail(carla, ticket.id);
    expect(json.messages.length).toBeGreaterThan(1);
    expect(json.messages.every((m: { visibility: string }) => m.visibility === 'public')).toBe(true);
    expect(JSON.stringify(json)).not.toContain('Nota interna');
  });

  it('a reply while awaiting the customer moves the ticket to "Aguardando retorno"', async () => {
    const before = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts;
    const ticket = await firstTicketIn(carla, 'awaiting_my_reply');
    const { json } = await detail(carla, ticket.id);
    t.clock.now += 60_000;
    const reply = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, {
      cookie: carla,
      body: { body: 'Segue a foto das luzes do roteador.', expectedVersion: json.ticket.version },
    });
    expect(reply.status).toBe(201);
    expect(reply.json.ticket.status).toBe('open');
    const after = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json.counts;
    expect(after.awaiting_my_reply).toBe(before.awaiting_my_reply - 1);
    expect(after.awaiting_return).toBe(before.awaiting_return + 1);
    const top = await firstTicketIn(carla, 'awaiting_return');
    expect(top.id).toBe(ticket.id); // newest activity first
    expect((await detail(carla, ticket.id)).json.messages.at(-1).body).toBe('Segue a foto das luzes do roteador.');
  });

  it('an empty or oversized reply is refused and changes nothing', async () => {
    const ticket = await firstTicketIn(carla, 'awaiting_my_reply');
    const { json } = await detail(carla, ticket.id);
    for (const body of ['   ', 'x'.repeat(10_001)]) {
      const r = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: carla, body: { body, expectedVersion: json.ticket.version } });
      expect(r.status).toBe(400);
      expect(r.json.fields.body).toMatch(/mensagem/i);
    }
    expect((await detail(carla, ticket.id)).json).toEqual(json);
  });

  it('a reply based on a stale page is a conflict and changes nothing', async () => {
    const ticket = await firstTicketIn(carla, 'awaiting_return');
    const { json } = await detail(carla, ticket.id);
    const r = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: carla, body: { body: 'Oi', expectedVersion: json.ticket.version + 5 } });
    expect(r.status).toBe(409);
    expect(r.json.code).toBe('conflict');
    expect((await detail(carla, ticket.id)).json).toEqual(json);
  });
});

describe('authorization', () => {
  it('another contact’s ticket is 404 for reading and replying, and nothing changes', async () => {
    const foreign = await firstTicketIn(otavio, 'awaiting_my_reply');
    const before = await detail(otavio, foreign.id);
    expect((await detail(carla, foreign.id)).status).toBe(404);
    const reply = await t.request('POST', `/api/customer/tickets/${foreign.id}/replies`, { cookie: carla, body: { body: 'Oi', expectedVersion: before.json.ticket.version } });
    expect(reply.status).toBe(404);
    expect((await detail(otavio, foreign.id)).json).toEqual(before.json);
  });

  it('a missing ticket and a foreign ticket answer the same', async () => {
    const foreign = await firstTicketIn(otavio, 'all');
    const a = await detail(carla, foreign.id);
    const b = await detail(carla, 999_999);
    expect(a.status).toBe(404);
    expect(a.json).toEqual(b.json);
  });

  it('anonymous callers get 401 and agents 403 on customer routes', async () => {
    expect((await t.request('GET', '/api/customer/tickets/counts')).status).toBe(401);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('GET', '/api/customer/tickets/counts', { cookie: agent })).status).toBe(403);
  });
});
