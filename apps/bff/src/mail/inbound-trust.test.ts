import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccount, getOrCreateSecret, getTicket } from '@atende/db/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { rawSmtp } from '../testing/raw-smtp.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { replyAddressFor } from './reply-address.js';

/** Who an inbound reply is taken from, spoken in raw SMTP on loopback: nothing is lost, nothing forged is posted. */
let t: EngineTestApp;
let smtp: ReturnType<typeof startInboundSmtp>;
let port: number;
let agent: string;
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeEach(async () => {
  t = await createEngineTestApp({ env: { INBOUND_AUTHSERV_ID: 'mx.atende.local' } });
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: t.dataDir, INBOUND_AUTHSERV_ID: 'mx.atende.local' });
  smtp = startInboundSmtp({ ...t.deps, config, logger: pino({ level: 'silent' }) }, 0, '127.0.0.1');
  port = await smtp.listening;
});
afterEach(async () => {
  await smtp.close();
  await t.dispose();
});

async function waitingTicket() {
  const id: number = (await t.request('GET', '/api/agent/tickets', { cookie: agent })).json.items.find((i: { status: string }) => i.status === 'waiting_customer').id;
  const requester = (await findAccount(t.store, 'contact', (await getTicket(t.store, id))!.requesterId))!.email;
  return { id, requester, address: replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), id, 'atende.local') };
}

async function deliver(envelopeFrom: string, to: string, message: string) {
  const c = await rawSmtp(port);
  await c.command('EHLO mx.remetente.example');
  await c.command(`MAIL FROM:<${envelopeFrom}>`);
  await c.command(`RCPT TO:<${to}>`);
  const reply = await c.data(message);
  c.close();
  return reply;
}

const mail = (from: string, to: string, body: string, headers = '') =>
  `${headers}From: ${from}\r\nTo: ${to}\r\nSubject: Re: atendimento\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@remetente.example>\r\n\r\n${body}\r\n`;

async function notificationsOf(ticketId: number, kind: string): Promise<number> {
  const [row] = await t.rows<{ n: number | string }>('select count(*) as n from notifications where ticket_id = ? and kind = ?', [ticketId, kind]);
  return Number(row!.n); // PostgreSQL's count is a bigint, read as a string
}

async function agentView(id: number) {
  return (await t.request('GET', `/api/agent/tickets/${id}`, { cookie: agent })).json;
}

describe('inbound mail: trusted senders post, everyone else is held for an agent', () => {
  it("the contact's reply with a photo, sent from their second address, is posted with its file, marks the ticket Cliente respondeu and notifies the agents", async () => {
    const { id, address } = await waitingTicket();
    // The contact's other address (contact_emails): a phone's mail app often sends from it.
    const requester = 'carla.celular@outro-provedor.example';
    // Recorded as an agent's edit of the contact would (`returning`: t.rows reads rows, and SQLite
    // refuses to read from a statement that returns none).
    await t.rows('insert into contact_emails (contact_id, email, created_at) values (?, ?, ?) returning id', [(await getTicket(t.store, id))!.requesterId, requester, t.clock.now]);
    const boundary = 'limite';
    const body = `--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSegue a foto da catraca.\r\n--${boundary}\r\nContent-Type: image/png; name="catraca.png"\r\nContent-Disposition: attachment; filename="catraca.png"\r\nContent-Transfer-Encoding: base64\r\n\r\n${PNG.toString('base64')}\r\n--${boundary}--`;
    expect(await deliver(requester, address, mail(requester, address, body, `MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n`))).toMatch(/^250/);
    const view = await agentView(id);
    const last = view.messages.at(-1);
    expect(last).toMatchObject({ authorKind: 'contact', visibility: 'public', body: 'Segue a foto da catraca.' });
    expect(last.attachments.map((a: { filename: string }) => a.filename)).toEqual(['catraca.png']);
    expect((await getTicket(t.store, id))!.customerRepliedAt).not.toBeNull();
    const queue = (await t.request('GET', '/api/agent/tickets?queue=today', { cookie: agent })).json.items;
    expect(queue.find((row: { id: number }) => row.id === id)?.customerRepliedAt).not.toBeNull();
    expect(await notificationsOf(id, 'customer_message')).toBeGreaterThan(0);
  });

  it.each([
    ['a forged From (envelope from another domain)', (requester: string) => ({ envelope: 'atacante@evil.example', from: requester, headers: '' }), 'envelope_mismatch'],
    ['a failing DMARC result from our MTA', (requester: string) => ({ envelope: requester, from: requester, headers: 'Authentication-Results: mx.atende.local; dmarc=fail header.from=example.com\r\n' }), 'auth_failed'],
    ["a CC'd colleague (not the ticket's contact)", () => ({ envelope: 'colega@example.com', from: 'colega@example.com', headers: '' }), 'unknown_sender'],
  ])('%s is held on the ticket for agents only, and the ticket does not move', async (_label, build, reason) => {
    const { id, requester, address } = await waitingTicket();
    const before = (await getTicket(t.store, id))!;
    const m = build(requester);
    expect(await deliver(m.envelope, address, mail(m.from, address, 'Mensagem suspeita', m.headers))).toMatch(/^250/);
    expect((await getTicket(t.store, id))!.version).toBe(before.version);
    expect((await getTicket(t.store, id))!.status).toBe('waiting_customer');
    const view = await agentView(id);
    expect(view.heldMail).toHaveLength(1);
    expect(view.heldMail[0]).toMatchObject({ fromAddress: m.from, reason, body: 'Mensagem suspeita' });
    const customer = await t.signIn(requester);
    const page = await t.request('GET', `/api/customer/tickets/${id}`, { cookie: customer });
    expect(JSON.stringify(page.json)).not.toContain('Mensagem suspeita');
    // The ticket's agents hear of it (assignee, else the department's agents).
    expect(await notificationsOf(id, 'held_mail')).toBeGreaterThan(0);
  });

  it('an agent accepts a held e-mail (public, sender added as a contact) or discards one; each decision is taken once', async () => {
    const { id, address } = await waitingTicket();
    await deliver('colega@example.com', address, mail('Colega <colega@example.com>', address, 'Sou colega da Carla.'));
    await deliver('outro@example.net', address, mail('outro@example.net', address, 'Propaganda.'));
    const [first, second] = (await agentView(id)).heldMail;
    const version = (await getTicket(t.store, id))!.version;
    const accepted = await t.request('POST', `/api/agent/tickets/${id}/held-mail/${first.id}/accept`, { cookie: agent, body: { addContact: true, expectedVersion: version } });
    expect(accepted.status).toBe(200);
    const again = await t.request('POST', `/api/agent/tickets/${id}/held-mail/${first.id}/accept`, { cookie: agent, body: { addContact: true, expectedVersion: accepted.json.ticket.version } });
    expect(again.status).toBe(409);
    expect((await t.request('POST', `/api/agent/tickets/${id}/held-mail/${second.id}/discard`, { cookie: agent, body: {} })).status).toBe(200);

    const view = await agentView(id);
    expect(view.heldMail).toEqual([]);
    expect(view.messages.at(-1)).toMatchObject({ authorKind: 'contact', authorName: 'Colega', visibility: 'public', body: 'Sou colega da Carla.' });
    expect(view.messages.some((m: { body: string }) => m.body === 'Propaganda.')).toBe(false);
    const [contact] = await t.rows<{ companyId: number | null }>('select company_id as "companyId" from contacts where email = ?', ['colega@example.com']);
    expect(contact!.companyId).toBe((await getTicket(t.store, id))!.companyId);
  });
});
