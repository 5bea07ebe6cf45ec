import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

/** Each ticket with its current version, as a bulk request carries them. */
const versionsOf = (tickets: { id: number }[]) => Promise.all(tickets.map(async (i) => ({ id: i.id, expectedVersion: (await getTicket(t.store, i.id))!.version })));

describe('bulk actions on queue rows', () => {
  it('changes every selected ticket, each with its own version check; one changed meanwhile is reported and left alone', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const items = (await t.request('GET', '/api/agent/tickets?queue=all&status=open', { cookie: ana })).json.items as { id: number }[];
    const picked = await versionsOf(items.slice(0, 3));
    // Bruno changes the second ticket after Ana's list was loaded.
    expect((await t.request('POST', `/api/agent/tickets/${picked[1]!.id}/fields`, { cookie: bruno, body: { priority: 'baixa', expectedVersion: picked[1]!.expectedVersion } })).status).toBe(200);

    const r = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: picked, change: { kind: 'priority', priority: 'urgente' } } });
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: { ok: boolean; code?: string }) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'conflict', 'ok']);
    expect((await getTicket(t.store, picked[0]!.id))!.priority).toBe('urgente');
    expect((await getTicket(t.store, picked[1]!.id))!.priority).toBe('baixa'); // Bruno's change stands
    expect((await getTicket(t.store, picked[2]!.id))!.priority).toBe('urgente');
  });

  it('assigns and sets status in bulk; a status needing a date is refused per ticket with its reason', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const brunoId = (await t.request('GET', '/api/agent/options', { cookie: ana })).json.agents.find((a: { name: string }) => a.name === 'Bruno Técnico').id;
    const items = (await t.request('GET', '/api/agent/tickets?queue=unassigned', { cookie: ana })).json.items as { id: number }[];
    const picked = await versionsOf(items.slice(0, 2));
    const assigned = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: picked, change: { kind: 'assign', assigneeId: brunoId } } });
    expect(assigned.json.results.every((x: { ok: boolean }) => x.ok)).toBe(true);
    expect(await Promise.all(picked.map(async (p) => (await getTicket(t.store, p.id))!.assigneeId))).toEqual([brunoId, brunoId]);
    const again = await versionsOf(picked);
    const waiting = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: again, change: { kind: 'status', status: 'waiting_customer' } } });
    expect(waiting.json.results.map((x: { code?: string }) => x.code)).toEqual(['due_date_required', 'due_date_required']);
    const bad = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: [], change: { kind: 'priority', priority: 'alta' } } });
    expect(bad.status).toBe(400);
  });
});
