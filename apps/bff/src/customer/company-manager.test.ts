import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

/** Issue 15: a company's manager reads all of its tickets; only the requester acts on them. */
let t: EngineTestApp;
let carla: string;
let marina: string;
let otavio: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  marina = await t.signIn(DEMO_ACCOUNTS.companyManager);
  otavio = await t.signIn(DEMO_ACCOUNTS.otherContact);
});
afterEach(() => t.dispose());

const get = (cookie: string, path: string) => t.request('GET', `/api/customer${path}`, { cookie });
const firstOfCarla = async (tab: string) => (await get(carla, `/tickets?tab=${tab}`)).json.items[0] as { id: number };

describe('a company manager', () => {
  it('lists every ticket of the company with who asked, and filters by requester', async () => {
    const company = (await get(marina, '/company')).json;
    expect(company.manager).toBe(true);
    const carlaId = company.contacts.find((c: { name: string }) => c.name === 'Carla Souza').id;
    const marinaId = company.contacts.find((c: { name: string }) => c.name === 'Marina Gestora').id;

    const all = (await get(marina, '/company/tickets')).json;
    expect(all.items.length).toBe(20);
    expect(new Set(all.items.map((i: { requesterName: string }) => i.requesterName))).toEqual(new Set(['Carla Souza']));
    expect(all.nextCursor).toBeTypeOf('string');
    const next = (await get(marina, `/company/tickets?cursor=${all.nextCursor}`)).json;
    expect(next.items.length).toBeGreaterThan(0);
    expect(next.items.map((i: { subject: string }) => i.subject)).not.toContain('Sem conexão desde ontem'); // Otávio's company

    expect((await get(marina, `/company/tickets?requesterId=${carlaId}`)).json.items.length).toBe(20);
    expect((await get(marina, `/company/tickets?requesterId=${marinaId}`)).json.items).toEqual([]);
  });

  it('reads a colleague’s ticket but may not reply, approve, reopen or rate it', async () => {
    const resolved = await firstOfCarla('awaiting_approval');
    const view = (await get(marina, `/tickets/${resolved.id}`)).json;
    expect(view.ticket).toMatchObject({ viewer: 'manager', canReply: false, canRate: false, requesterName: 'Carla Souza' });
    expect(view.messages.length).toBeGreaterThan(0);
    const before = (await getTicket(t.store, resolved.id))!;
    const post = (path: string, body: unknown) => t.request('POST', `/api/customer/tickets/${resolved.id}${path}`, { cookie: marina, body });
    expect((await post('/confirm', { expectedVersion: before.version })).status).toBe(404);
    expect((await post('/not-resolved', { reason: 'Não gostei.', expectedVersion: before.version })).status).toBe(404);
    expect((await post('/replies', { body: 'Eu respondo por ela.', expectedVersion: before.version })).status).toBe(404);
    const unrated = await firstOfCarla('unrated');
    const rate = await t.request('POST', `/api/customer/tickets/${unrated.id}/rating`, { cookie: marina, body: { score: 1, expectedVersion: (await getTicket(t.store, unrated.id))!.version } });
    expect(rate.status).toBe(404);
    expect(await getTicket(t.store, resolved.id)).toEqual(before);
  });

  it('does not reach another company’s tickets, and a contact who is not a manager sees only their own', async () => {
    const { id } = await firstOfCarla('all');
    expect((await get(otavio, `/tickets/${id}`)).status).toBe(404);
    // Otávio becomes his own company's manager: Carla's company stays out of reach.
    // No route makes a manager (an admin sets it in the records): a raw write. RETURNING lets it go through t.rows on SQLite too.
    expect(await t.rows('update contacts set company_manager = true where email = ? returning id', [DEMO_ACCOUNTS.otherContact])).toHaveLength(1);
    expect((await get(otavio, `/tickets/${id}`)).status).toBe(404);
    expect((await get(otavio, '/company/tickets')).json.items.map((i: { requesterName: string }) => i.requesterName)).not.toContain('Carla Souza');

    expect((await get(carla, '/company')).json).toEqual({ manager: false, contacts: [] });
    const own = (await get(carla, '/company/tickets')).json.items as { requesterName: string }[];
    expect(new Set(own.map((i) => i.requesterName))).toEqual(new Set(['Carla Souza']));
  });
});
