import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let agent: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

async function ticketWithStatus(status: string) {
  let cursor: string | null = null;
  do {
    const page: any = await t.request('GET', `/api/agent/tickets${cursor ? `?cursor=${cursor}` : ''}`, { cookie: agent });
    const found = page.json.items.find((i: { status: string }) => i.status === status);
    if (found) return (await t.request('GET', `/api/agent/tickets/${found.id}`, { cookie: agent })).json;
    cursor = page.json.nextCursor;
  } while (cursor);
  throw new Error(`no ticket in ${status}`);
}

describe('agent home', () => {
  it('lists every customer’s tickets, paginated', async () => {
    const ids = new Set<number>();
    let cursor: string | null = null;
    do {
      const page: any = await t.request('GET', `/api/agent/tickets${cursor ? `?cursor=${cursor}` : ''}`, { cookie: agent });
      for (const item of page.json.items) ids.add(item.id);
      cursor = page.json.nextCursor;
    } while (cursor);
    expect(ids.size).toBeGreaterThanOrEqual(30);
  });

  it('sees internal notes and the history', async () => {
    const view = await ticketWithStatus('open');
    expect(view.messages.some((m: { visibility: string }) => m.visibility === 'internal')).toBe(true);
    expect(view.history.length).toBeGreaterThan(0);
  });
});

describe('working a ticket', () => {
  it('an internal note leaves the status alone and stays hidden from the customer', async () => {
    const view = await ticketWithStatus('open');
    const r = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/messages`, {
      cookie: agent,
      body: { body: 'Verificar com o NOC antes de responder.', visibility: 'internal', expectedVersion: view.ticket.version },
    });
    expect(r.status).toBe(201);
    expect(r.json.ticket.status).toBe('open');
    const customer = await t.signIn(view.ticket.requesterName === 'Carla Souza' ? DEMO_ACCOUNTS.contact : DEMO_ACCOUNTS.otherContact);
    const seen = await t.request('GET', `/api/customer/tickets/${view.ticket.id}`, { cookie: customer });
    expect(seen.text).not.toContain('Verificar com o NOC');
  });

  it('a public reply hands the ticket to the customer (Aguardando cliente) and is recorded in the history', async () => {
    const view = await ticketWithStatus('open');
    const r = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/messages`, {
      cookie: agent,
      body: { body: 'Pode reiniciar o roteador e nos contar?', visibility: 'public', dueDate: '2026-11-25', expectedVersion: view.ticket.version },
    });
    expect(r.json.ticket.status).toBe('waiting_customer');
    const after = (await t.request('GET', `/api/agent/tickets/${view.ticket.id}`, { cookie: agent })).json;
    expect(after.history).toContainEqual(expect.objectContaining({ type: 'status_changed', fromStatus: 'open', toStatus: 'waiting_customer', actorKind: 'agent' }));
  });

  it('sets the status; a stale version is a conflict', async () => {
    const view = await ticketWithStatus('new');
    const ok = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/status`, { cookie: agent, body: { status: 'pending', expectedVersion: view.ticket.version } });
    expect(ok.json.ticket.status).toBe('pending');
    const stale = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/status`, { cookie: agent, body: { status: 'open', expectedVersion: view.ticket.version } });
    expect(stale.status).toBe(409);
  });

  it('refuses an unknown status and unknown fields', async () => {
    const view = await ticketWithStatus('new');
    const r = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/status`, { cookie: agent, body: { status: 'archived', expectedVersion: 1 } });
    expect(r.status).toBe(400);
    const extra = await t.request('POST', `/api/agent/tickets/${view.ticket.id}/status`, { cookie: agent, body: { status: 'open', expectedVersion: 1, assigneeId: 3 } });
    expect(extra.status).toBe(400);
  });

  it('contacts get 403 on agent routes', async () => {
    const contact = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', '/api/agent/tickets', { cookie: contact })).status).toBe(403);
    expect((await t.request('POST', '/api/agent/tickets/1/status', { cookie: contact, body: { status: 'open', expectedVersion: 1 } })).status).toBe(403);
  });
});
