import { DEMO_ACCOUNTS, getTicket } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.dispose());

describe('bulk actions on queue rows', () => {
  it('changes every selected ticket, each with its own version check; one changed meanwhile is reported and left alone', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const items = (await t.request('GET', '/api/agent/tickets?queue=all&status=open', { cookie: ana })).json.items as { id: number }[];
    const picked = items.slice(0, 3).map((i) => ({ id: i.id, expectedVersion: getTicket(t.db, i.id)!.version }));
    // Bruno changes the second ticket after Ana's list was loaded.
    expect((await t.request('POST', `/api/agent/tickets/${picked[1]!.id}/fields`, { cookie: bruno, body: { priority: 'baixa', expectedVersion: picked[1]!.expectedVersion } })).status).toBe(200);

    const r = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: picked, change: { kind: 'priority', priority: 'urgente' } } });
    expect(r.status).toBe(200);
    expect(r.json.results.map((x: { ok: boolean; code?: string }) => (x.ok ? 'ok' : x.code))).toEqual(['ok', 'conflict', 'ok']);
    expect(getTicket(t.db, picked[0]!.id)!.priority).toBe('urgente');
    expect(getTicket(t.db, picked[1]!.id)!.priority).toBe('baixa'); // Bruno's change stands
    expect(getTicket(t.db, picked[2]!.id)!.priority).toBe('urgente');
  });

  it('assigns and sets status in bulk; a status needing a date is refused per ticket with its reason', async () => {
    const ana = await t.signIn(DEMO_ACCOUNTS.agent);
    const brunoId = (await t.request('GET', '/api/agent/options', { cookie: ana })).json.agents.find((a: { name: string }) => a.name === 'Bruno Técnico').id;
    const items = (await t.request('GET', '/api/agent/tickets?queue=unassigned', { cookie: ana })).json.items as { id: number }[];
    const picked = items.slice(0, 2).map((i) => ({ id: i.id, expectedVersion: getTicket(t.db, i.id)!.version }));
    const assigned = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: picked, change: { kind: 'assign', assigneeId: brunoId } } });
    expect(assigned.json.results.every((x: { ok: boolean }) => x.ok)).toBe(true);
    expect(picked.map((p) => getTicket(t.db, p.id)!.assigneeId)).toEqual([brunoId, brunoId]);
    const again = picked.map((p) => ({ id: p.id, expectedVersion: getTicket(t.db, p.id)!.version }));
    const waiting = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: again, change: { kind: 'status', status: 'waiting_customer' } } });
    expect(waiting.json.results.map((x: { code?: string }) => x.code)).toEqual(['due_date_required', 'due_date_required']);
    const bad = await t.request('POST', '/api/agent/tickets/bulk', { cookie: ana, body: { tickets: [], change: { kind: 'priority', priority: 'alta' } } });
    expect(bad.status).toBe(400);
  });
});
