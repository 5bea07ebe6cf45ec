import { DEMO_ACCOUNTS } from '@atende/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deactivationEndsUnusedInvitation } from '../testing/account-scenarios.js';
import { createPgTestApp, type PgTestApp } from '../testing/pg-test-app.js';

/**
 * The same Atende on PostgreSQL (issue 16): the journeys of a help desk's day through the real app
 * (routes, one change path, store), on a fresh PostgreSQL database holding README's demo data.
 */
let t: PgTestApp;
let carla: string;
let ana: string;
beforeAll(async () => {
  t = await createPgTestApp();
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
  ana = await t.signIn(DEMO_ACCOUNTS.agent);
});
afterAll(() => t?.dispose());

const tab = async (name: string) => (await t.request('GET', `/api/customer/tickets?tab=${name}`, { cookie: carla })).json;

describe('Atende on PostgreSQL', () => {
  it('the Painel do Cliente: the five tabs and their counts agree with the lists', async () => {
    const counts = (await t.request('GET', '/api/customer/tickets/counts', { cookie: carla })).json;
    for (const name of ['awaiting_my_reply', 'awaiting_return', 'awaiting_approval', 'unrated', 'all']) {
      const list = await tab(name);
      expect(list.items.length, name).toBe(Math.min(counts[name] ?? counts.counts?.[name], list.items.length));
    }
    expect((await tab('all')).items.length).toBeGreaterThan(0);
  });

  it('a customer files a ticket (twice with one idempotency key: one ticket), routed, with its "received" e-mail', async () => {
    const options = (await t.request('GET', '/api/customer/new-ticket/options', { cookie: carla })).json;
    const body = {
      departmentId: options.departments[0].id,
      subjectId: options.subjects.find((s: { departmentId: number }) => s.departmentId === options.departments[0].id)?.id ?? options.subjects[0].id,
      subject: 'Internet lenta à noite',
      body: 'Desde ontem a conexão cai depois das 20h.',
      origin: 'portal',
      idempotencyKey: '0f8e2c1a-7b3d-4e5f-9a6b-1c2d3e4f5a6b',
    };
    const [first, again] = await Promise.all([
      t.request('POST', '/api/customer/tickets', { cookie: carla, body }),
      t.request('POST', '/api/customer/tickets', { cookie: carla, body }),
    ]);
    expect([first.status, again.status].sort(), JSON.stringify(first.json)).toEqual([200, 201]);
    expect(first.json.ticket.id).toBe(again.json.ticket.id);
    const page = (await t.request('GET', `/api/agent/tickets/${first.json.ticket.id}`, { cookie: ana })).json;
    expect(page.ticket.subject).toBe('Internet lenta à noite');
    expect(page.history.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['created', 'email_sent']));
  });

  it('two agents answer one ticket from the same page: one reply lands, the other gets "conflict" and nothing is lost', async () => {
    const bruno = await t.signIn(DEMO_ACCOUNTS.otherAgent);
    const id = (await tab('awaiting_return')).items[0].id as number;
    const page = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json;
    const reply = (cookie: string, text: string) =>
      t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie, body: { body: text, visibility: 'public', nextStatus: 'pending', expectedVersion: page.ticket.version } });
    const results = await Promise.all([reply(ana, 'Resposta da Ana.'), reply(bruno, 'Resposta do Bruno.')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const after = (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: ana })).json;
    expect(after.ticket.version).toBe(page.ticket.version + 1);
    const bodies = after.messages.map((m: { body: string }) => m.body);
    expect(bodies.filter((b: string) => b === 'Resposta da Ana.' || b === 'Resposta do Bruno.')).toHaveLength(1);
  });

  it('the customer replies, the ticket waits for an agent, and the agents hear of it', async () => {
    const ticket = (await tab('awaiting_my_reply')).items[0];
    const page = (await t.request('GET', `/api/customer/tickets/${ticket.id}`, { cookie: carla })).json;
    const reply = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: carla, body: { body: 'Segue o que pediram.', expectedVersion: page.ticket.version } });
    expect(reply.status).toBe(201);
    expect((await tab('awaiting_return')).items.map((x: { id: number }) => x.id)).toContain(ticket.id);
    const agentPage = (await t.request('GET', `/api/agent/tickets/${ticket.id}`, { cookie: ana })).json;
    expect(agentPage.ticket.customerRepliedAt).not.toBeNull();
  });

  it('approve a resolved ticket, then rate it: the rating is kept once', async () => {
    const resolved = (await tab('awaiting_approval')).items[0];
    const page = (await t.request('GET', `/api/customer/tickets/${resolved.id}`, { cookie: carla })).json;
    const confirm = await t.request('POST', `/api/customer/tickets/${resolved.id}/confirm`, { cookie: carla, body: { expectedVersion: page.ticket.version } });
    expect(confirm.status).toBe(200);
    expect(confirm.json.ticket.status).toBe('closed');
    const rate = () => t.request('POST', `/api/customer/tickets/${resolved.id}/rating`, { cookie: carla, body: { score: 5, expectedVersion: confirm.json.ticket.version } });
    const [one, two] = await Promise.all([rate(), rate()]);
    expect([one.status, two.status].sort()).toEqual([201, 409]);
    expect((await tab('unrated')).items.map((x: { id: number }) => x.id)).not.toContain(resolved.id);
  });

  it('text PostgreSQL cannot store (a NUL character) is a clear 400 naming the field, and nothing changes', async () => {
    const ticket = (await tab('all')).items[0];
    const page = (await t.request('GET', `/api/customer/tickets/${ticket.id}`, { cookie: carla })).json;
    const reply = await t.request('POST', `/api/customer/tickets/${ticket.id}/replies`, { cookie: carla, body: { body: 'antes\u0000depois', expectedVersion: page.ticket.version } });
    expect(reply.status).toBe(400);
    expect(reply.json.fields).toEqual({ body: 'Texto com um caractere inválido (NUL).' });
    const search = await t.request('GET', `/api/agent/tickets?queue=all&q=${encodeURIComponent('a\u0000b')}`, { cookie: ana });
    expect(search.status).toBe(400);
    expect((await t.request('GET', `/api/customer/tickets/${ticket.id}`, { cookie: carla })).json.ticket.version).toBe(page.ticket.version);
  });

  it('deactivating someone whose invitation is still unused makes the link stop working', async () => {
    await deactivationEndsUnusedInvitation(t);
  });

  it('signing out ends the session on the server', async () => {
    const cookie = await t.signIn(DEMO_ACCOUNTS.otherContact);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    expect((await t.request('POST', '/api/auth/logout', { cookie, body: {} })).status).toBeLessThan(300);
    expect((await t.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });
});
