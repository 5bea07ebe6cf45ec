import { DEMO_ACCOUNTS } from '@atende/db';
import { getTicket, ticketThread } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
let agent: string;
let carla: string;
beforeEach(async () => {
  t = await createEngineTestApp();
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
  carla = await t.signIn(DEMO_ACCOUNTS.contact);
});
afterEach(() => t.dispose());

let keySeq = 0;
const key = () => `dir-test-key-${String(++keySeq).padStart(6, '0')}`;
const search = (q: string) => t.request('GET', `/api/agent/directory?q=${encodeURIComponent(q)}`, { cookie: agent });
async function carlaContact() {
  const hit = (await search('cliente@')).json.contacts[0] as { id: number; companyId: number };
  return hit;
}
async function departmentId(name: string) {
  const res = await t.request('GET', '/api/agent/options', { cookie: agent });
  return (res.json.departments as { id: number; name: string }[]).find((d) => d.name === name)!.id;
}

describe('directory', () => {
  it('finds companies by name and contacts by name or e-mail, case-insensitively', async () => {
    const byCompany = await search('boa forma');
    expect(byCompany.status).toBe(200);
    expect(byCompany.json.companies.map((c: { name: string }) => c.name)).toEqual(['Academia Boa Forma']);
    expect((await search('CARLA')).json.contacts.map((c: { name: string }) => c.name)).toEqual(['Carla Souza']);
    expect((await search('outro.cliente')).json.contacts.map((c: { name: string }) => c.name)).toEqual(['Otávio Lima']);
    expect((await search('zz-ninguém')).json).toEqual({ companies: [], contacts: [] });
    // A LIKE wildcard typed by the agent is a literal character, not "anything".
    expect((await search('%%')).json).toEqual({ companies: [], contacts: [] });
  });

  it('is for agents only', async () => {
    expect((await t.request('GET', '/api/agent/directory?q=carla', { cookie: carla })).status).toBe(403);
  });

  it('shows a company with its contacts and their tickets, and a contact with phone and WhatsApp link', async () => {
    const companyId = (await search('Boa Forma')).json.companies[0].id;
    const company = await t.request('GET', `/api/agent/companies/${companyId}`, { cookie: agent });
    expect(company.status).toBe(200);
    const carlaRow = company.json.contacts.find((c: { name: string }) => c.name === 'Carla Souza');
    expect(carlaRow.tickets.map((x: { subject: string }) => x.subject)).toContain('Catraca travada aberta na recepção');
    expect(carlaRow.tickets.map((x: { subject: string }) => x.subject)).not.toContain('Sem conexão desde ontem'); // Otávio's
    const contact = await t.request('GET', `/api/agent/contacts/${carlaRow.id}`, { cookie: agent });
    expect(contact.json.contact).toMatchObject({ name: 'Carla Souza', phone: '+55 51 99999-1234', whatsAppUrl: 'https://wa.me/5551999991234', companyName: 'Academia Boa Forma' });
    expect(contact.json.tickets.length).toBeGreaterThan(5);
    expect((await t.request('GET', '/api/agent/contacts/99999', { cookie: agent })).status).toBe(404);
  });
});

describe('ticket on behalf of a contact', () => {
  it('creates an agent-origin ticket for the contact, once per key, and a second subject is a second ticket', async () => {
    const contact = await carlaContact();
    const body = { subject: 'Catraca não libera', departmentId: await departmentId('Suporte técnico'), priority: 'alta', body: 'Cliente ligou: catraca não libera a entrada.', idempotencyKey: key() };
    const first = await t.request('POST', `/api/agent/contacts/${contact.id}/tickets`, { cookie: agent, body });
    expect(first.status).toBe(201);
    expect(first.json.ticket).toMatchObject({ origin: 'agent', priority: 'alta', status: 'new' });
    const replay = await t.request('POST', `/api/agent/contacts/${contact.id}/tickets`, { cookie: agent, body });
    expect(replay.status).toBe(200);
    expect(replay.json.ticket.id).toBe(first.json.ticket.id);
    const second = await t.request('POST', `/api/agent/contacts/${contact.id}/tickets`, { cookie: agent, body: { ...body, subject: 'Impressora do totem não funciona', priority: 'baixa', idempotencyKey: key() } });
    expect(second.status).toBe(201);
    expect(second.json.ticket.id).not.toBe(first.json.ticket.id);
    const stored = (await getTicket(t.store, first.json.ticket.id))!;
    expect(stored).toMatchObject({ requesterId: contact.id, companyId: contact.companyId, origin: 'agent' });
    // The customer sees it in their panel, with the public first message.
    const mine = await t.request('GET', `/api/customer/tickets/${first.json.ticket.id}`, { cookie: carla });
    expect(mine.status).toBe(200);
    expect(mine.json.messages.map((m: { body: string }) => m.body)).toEqual(['Cliente ligou: catraca não libera a entrada.']);
  });
});

describe('Registrar conversa', () => {
  const log = (contactId: number, body: unknown) => t.request('POST', `/api/agent/contacts/${contactId}/conversations`, { cookie: agent, body });

  it('saves a conversation as a new ticket: transcript public, summary internal', async () => {
    const contact = await carlaContact();
    const res = await log(contact.id, { mode: 'new', subject: 'Finger apagado', departmentId: await departmentId('Suporte técnico'), priority: 'media', transcript: 'Cliente: o finger apagou.\nAgente: reinicie o leitor.', summary: 'Orientado a reiniciar o leitor.', idempotencyKey: key() });
    expect(res.status).toBe(201);
    expect(res.json.ticket.origin).toBe('agent');
    const id = res.json.ticket.id as number;
    expect((await ticketThread(t.store, id, 'staff')).map((m) => [m.visibility, m.body])).toEqual([
      ['public', 'Cliente: o finger apagou.\nAgente: reinicie o leitor.'],
      ['internal', 'Orientado a reiniciar o leitor.'],
    ]);
    const customerView = await t.request('GET', `/api/customer/tickets/${id}`, { cookie: carla });
    expect(customerView.json.messages.map((m: { body: string }) => m.body)).toEqual(['Cliente: o finger apagou.\nAgente: reinicie o leitor.']);
  });

  it('appends to an existing ticket without resolving it: back to open, no new ticket', async () => {
    const contact = await carlaContact();
    const before = (await t.request('GET', `/api/agent/contacts/${contact.id}`, { cookie: agent })).json.tickets as { id: number; subject: string }[];
    const target = before.find((x) => x.subject === 'Roteador reiniciando sozinho')!; // waiting_customer
    const res = await log(contact.id, { mode: 'append', ticketId: target.id, transcript: 'Cliente: voltou a reiniciar.', summary: 'Pedi foto do roteador.', resolve: false });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ticket: { id: target.id, status: 'open' }, created: false });
    const after = (await t.request('GET', `/api/agent/contacts/${contact.id}`, { cookie: agent })).json.tickets;
    expect(after.length).toBe(before.length);
    const thread = (await ticketThread(t.store, target.id, 'staff')).slice(-2).map((m) => [m.visibility, m.body]);
    expect(thread).toEqual([
      ['public', 'Cliente: voltou a reiniciar.'],
      ['internal', 'Pedi foto do roteador.'],
    ]);
  });

  it('"acrescentar e resolver" appends and resolves in one step; the customer sees the transcript, not the summary', async () => {
    const contact = await carlaContact();
    const target = ((await t.request('GET', `/api/agent/contacts/${contact.id}`, { cookie: agent })).json.tickets as { id: number; subject: string }[]).find((x) => x.subject === 'Internet caindo à noite')!;
    const res = await log(contact.id, { mode: 'append', ticketId: target.id, transcript: 'Cliente: agora está estável.', summary: 'Resolvido trocando o canal.', resolve: true });
    expect(res.status).toBe(200);
    expect((await getTicket(t.store, target.id))!.status).toBe('resolved');
    const customerView = await t.request('GET', `/api/customer/tickets/${target.id}`, { cookie: carla });
    const bodies = customerView.json.messages.map((m: { body: string }) => m.body);
    expect(bodies).toContain('Cliente: agora está estável.');
    expect(bodies).not.toContain('Resolvido trocando o canal.');
  });

  it('refuses another contact\'s ticket and leaves everything unchanged when a step fails', async () => {
    const contact = await carlaContact();
    const otavio = (await search('outro.cliente')).json.contacts[0].id as number;
    const otavioTicket = ((await t.request('GET', `/api/agent/contacts/${otavio}`, { cookie: agent })).json.tickets as { id: number }[])[0]!;
    expect((await log(contact.id, { mode: 'append', ticketId: otavioTicket.id, transcript: 'x', summary: 'y', resolve: true })).status).toBe(404);
    // A stale version: the transcript is not written either (one transaction).
    const target = ((await t.request('GET', `/api/agent/contacts/${contact.id}`, { cookie: agent })).json.tickets as { id: number; subject: string }[]).find((x) => x.subject === 'Sinal fraco no andar de cima')!;
    const messagesBefore = (await ticketThread(t.store, target.id, 'staff')).length;
    const version = (await getTicket(t.store, target.id))!.version;
    expect((await log(contact.id, { mode: 'append', ticketId: target.id, transcript: 'x', summary: 'y', resolve: false, expectedVersion: version + 1 })).status).toBe(409);
    expect((await ticketThread(t.store, target.id, 'staff')).length).toBe(messagesBefore);
  });
});
