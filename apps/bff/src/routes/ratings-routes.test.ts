import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

/** The quality area's page, through the typed client: its shape is the route's own. */
async function ratings(cookie: string, query: { agentId?: string; from?: string; to?: string } = {}) {
  return (await t.client(cookie).ratings.$get({ query })).json();
}

async function rateFirstUnrated(cookie: string, score: number, comment?: string) {
  const client = t.client(cookie);
  const id = (await (await client.customer.tickets.$get({ query: { tab: 'unrated' } })).json()).items[0]!.id;
  const { ticket } = await (await client.customer.tickets[':id'].$get({ param: { id: String(id) } })).json();
  const r = await client.customer.tickets[':id'].rating.$post({ param: { id: String(id) }, json: { score, expectedVersion: ticket.version, ...(comment ? { comment } : {}) } });
  expect(r.status).toBe(201);
  return { id, assignee: ticket.assigneeName as string };
}

describe('ratings page (quality area)', () => {
  it('lists every rating with ticket, agent, score and comment, with average and distribution', async () => {
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const before = await ratings(await t.signIn(DEMO_ACCOUNTS.agent));
    const rated = await rateFirstUnrated(carla, 1, 'Demorou demais.');
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const json = await ratings(admin);
    expect(json.total).toBe(before.total + 1);
    expect(json.items[0]).toMatchObject({ ticketId: rated.id, score: 1, comment: 'Demorou demais.', agentName: rated.assignee });
    expect(json.distribution[1]).toBe(before.distribution[1] + 1);
    const sum = json.items.reduce((s: number, r: { score: number }) => s + r.score, 0);
    expect(json.average).toBeCloseTo(sum / json.items.length);
  });

  it('filters by agent and by period', async () => {
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const rated = await rateFirstUnrated(carla, 3);
    const all = await ratings(agent);
    const agentId = all.items.find((r) => r.ticketId === rated.id)!.agentId;
    const mine = await ratings(agent, { agentId: String(agentId) });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((r: { agentId: number | null }) => r.agentId === agentId)).toBe(true);
    expect(mine.total).toBeLessThan(all.total);
    const today = new Date(t.clock.now).toISOString().slice(0, 10);
    const onlyToday = await ratings(agent, { from: today, to: today });
    expect(onlyToday.items.map((r: { ticketId: number }) => r.ticketId)).toEqual([rated.id]);
    expect(onlyToday).toMatchObject({ total: 1, average: 3, distribution: { 1: 0, 2: 0, 3: 1, 4: 0, 5: 0 } });
    expect((await t.client(agent).ratings.$get({ query: { from: '2026-13-01' } })).status).toBe(400);
  });

  it('contacts get 403 and anonymous 401', async () => {
    expect((await t.client(await t.signIn(DEMO_ACCOUNTS.contact)).ratings.$get({ query: {} })).status).toBe(403);
    expect((await t.client().ratings.$get({ query: {} })).status).toBe(401);
  });
});
