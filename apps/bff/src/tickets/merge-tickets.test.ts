import { DEMO_ACCOUNTS } from '@atende/db';
import { getContactPreferences, getTicket, outboxForTicket, saveContactPreferences, ticketHistory, ticketThread } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let ana: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  ana = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterEach(() => t.dispose());

async function idOf(subject: string): Promise<number> {
  const items = (await t.request('GET', `/api/agent/tickets?queue=all&q=${encodeURIComponent(subject)}`, { cookie: ana })).json.items as { id: number; subject: string }[];
  return items.find((i) => i.subject === subject)!.id;
}

describe('merging a duplicate into another ticket', () => {
  it('moves the messages, closes the duplicate with a link to the target (no rating asked) and tells the customer', async () => {
    const source = await idOf('Sinal fraco no andar de cima');
    const target = await idOf('Câmera da portaria sem imagem'); // same customer (Carla)
    const sourceMessages = (await ticketThread(t.store, source, 'staff')).length;
    const targetMessages = (await ticketThread(t.store, target, 'staff')).length;
    const r = await t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: target, expectedVersion: (await getTicket(t.store, source))!.version } });
    expect(r.status).toBe(200);

    const closed = (await getTicket(t.store, source))!;
    expect(closed.status).toBe('closed');
    expect(closed.ratingDueUntil).toBeNull();
    expect((await ticketThread(t.store, source, 'staff')).map((m) => m.body)).toEqual([expect.stringContaining(`unido ao chamado #${target}`)]);
    expect(await ticketHistory(t.store, source)).toEqual(expect.arrayContaining([expect.objectContaining({ toStatus: 'closed', data: expect.objectContaining({ action: 'merge_into', mergedInto: target }) })]));
    const moved = await ticketThread(t.store, target, 'staff');
    expect(moved).toHaveLength(sourceMessages + targetMessages + 1);
    expect(moved.at(-1)!.body).toContain(`#${source}`);
    expect((await outboxForTicket(t.store, target)).map((m) => m.kind)).toContain('agent_update');
    expect((await outboxForTicket(t.store, source)).map((m) => m.kind)).not.toContain('closed');

    // The customer's page of the duplicate links to where the conversation went on; the target's does not.
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    expect((await t.request('GET', `/api/customer/tickets/${source}`, { cookie: carla })).json.ticket.mergedInto).toBe(target);
    expect((await t.request('GET', `/api/customer/tickets/${target}`, { cookie: carla })).json.ticket.mergedInto).toBeNull();
  });

  it('tells a customer who reads English in English', async () => {
    const source = await idOf('Sinal fraco no andar de cima');
    const target = await idOf('Câmera da portaria sem imagem');
    const carla = (await getTicket(t.store, source))!.requesterId;
    await saveContactPreferences(t.store, carla, { ...(await getContactPreferences(t.store, carla))!, language: 'en' });
    const r = await t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: target, expectedVersion: (await getTicket(t.store, source))!.version } });
    expect(r.status).toBe(200);
    expect((await ticketThread(t.store, source, 'customer')).at(-1)!.body).toContain(`This ticket was merged into ticket #${target}`);
    expect((await ticketThread(t.store, target, 'customer')).at(-1)!.body).toContain(`We merged your ticket #${source}`);
  });

  it('a merged duplicate is not reopened by a reply: the customer is pointed to the ticket that continues', async () => {
    const source = await idOf('Sinal fraco no andar de cima');
    const target = await idOf('Câmera da portaria sem imagem');
    await t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: target, expectedVersion: (await getTicket(t.store, source))!.version } });
    const carla = await t.signIn(DEMO_ACCOUNTS.contact);
    const page = (await t.request('GET', `/api/customer/tickets/${source}`, { cookie: carla })).json.ticket;
    expect(page).toMatchObject({ canReply: false, replyRefusal: 'ticket_merged', mergedInto: target });
    const reply = await t.request('POST', `/api/customer/tickets/${source}/replies`, { cookie: carla, body: { body: 'Ainda está sem sinal.', expectedVersion: (await getTicket(t.store, source))!.version } });
    expect(reply.status).toBe(409);
    expect(reply.json).toMatchObject({ code: 'ticket_merged', message: 'Este chamado foi unido a outro: escreva no chamado que continua.' });
    expect((await getTicket(t.store, source))!.status).toBe('closed');
  });

  it('refuses another customer’s ticket, a stale page and a closed source, changing nothing', async () => {
    const source = await idOf('Sinal fraco no andar de cima');
    const otherCustomers = await idOf('Sem conexão desde ontem'); // Otávio's
    const version = (await getTicket(t.store, source))!.version;
    const foreign = await t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: otherCustomers, expectedVersion: version } });
    expect(foreign.status).toBe(400);
    expect(foreign.json.fields.targetId).toBe('Só é possível unir chamados do mesmo cliente.');
    const stale = await t.request('POST', `/api/agent/tickets/${source}/merge`, { cookie: ana, body: { targetId: await idOf('Câmera da portaria sem imagem'), expectedVersion: version + 5 } });
    expect(stale.status).toBe(409);
    expect((await getTicket(t.store, source))!.status).toBe('open');
    expect((await ticketThread(t.store, source, 'staff')).length).toBeGreaterThan(1);
  });
});
