import { DEMO_ACCOUNTS } from '@atende/db';
import { findAccount, getOrCreateSecret, getTicket, outboxForTicket, savePortalSettings, getPortalSettings, ticketThread } from '@atende/db/store';
import nodemailer from 'nodemailer';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { replyAddressFor } from './reply-address.js';

let t: EngineTestApp;
let agent: string;
let smtp: ReturnType<typeof startInboundSmtp>;
let port: number;
const TOKEN = 'inbound-token-0123456789abcdef';
beforeEach(async () => {
  t = await createEngineTestApp({ env: { INBOUND_MAIL_TOKEN: TOKEN } });
  agent = await t.signIn(DEMO_ACCOUNTS.agent);
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: '/nonexistent' });
  smtp = startInboundSmtp({ db: t.store, config, logger: pino({ level: 'silent' }), now: () => t.clock.now }, 0, '127.0.0.1');
  port = await smtp.listening;
});
afterEach(async () => {
  await smtp.close();
  await t.dispose();
});

/** A real SMTP client delivering to the inbound listener on loopback. */
function send(message: { from: string; to: string; text: string; messageId?: string }) {
  return nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }).sendMail({ ...message, subject: 'Re: atendimento' });
}

async function ticketIn(status: string) {
  const page = await t.request('GET', '/api/agent/tickets', { cookie: agent });
  const id: number = page.json.items.find((i: { status: string }) => i.status === status).id;
  const ticket = (await getTicket(t.store, id))!;
  return { id, requester: (await findAccount(t.store, 'contact', ticket.requesterId))!.email, replyTo: replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), id, 'atende.local') };
}

describe('incoming mail over SMTP', () => {
  it('a reply adds a customer message with the quoted original stripped', async () => {
    const { id, requester, replyTo } = await ticketIn('waiting_customer');
    await send({ from: requester, to: replyTo, text: 'Reiniciei e voltou a funcionar.\n\nEm seg., 23 de nov. de 2026, Atende escreveu:\n> Pode reiniciar o roteador?' });
    const last = (await ticketThread(t.store, id, 'staff')).at(-1)!;
    expect(last).toMatchObject({ authorKind: 'contact', visibility: 'public', body: 'Reiniciei e voltou a funcionar.' });
    expect((await getTicket(t.store, id))!.status).toBe('open');
  });

  it("a reply from the contact's second address (contact_emails) is the contact's message", async () => {
    const { id, replyTo } = await ticketIn('waiting_customer');
    const requesterId = (await getTicket(t.store, id))!.requesterId;
    // The contact's second address, as an agent's edit of the contact would record it (`returning`:
    // t.rows reads rows, and SQLite refuses to read from a statement that returns none).
    await t.rows('insert into contact_emails (contact_id, email, created_at) values (?, ?, ?) returning id', [requesterId, 'financeiro@outro-dominio.com.br', t.clock.now]);
    await send({ from: 'Financeiro@Outro-Dominio.com.br', to: replyTo, text: 'Respondendo pelo outro e-mail.' });
    const last = (await ticketThread(t.store, id, 'staff')).at(-1)!;
    expect(last).toMatchObject({ authorKind: 'contact', visibility: 'public', body: 'Respondendo pelo outro e-mail.' });
    expect((await getTicket(t.store, id))!.status).toBe('open');
  });

  it('reopens a closed ticket (seed 000) and tells the agent', async () => {
    const { id, requester, replyTo } = await ticketIn('closed');
    await send({ from: requester, to: replyTo, text: 'O problema voltou.' });
    expect((await getTicket(t.store, id))!.status).toBe('open');
    const kinds = (await outboxForTicket(t.store, id)).map((m) => m.kind);
    expect(kinds).toContain('reopened');
  });

  it('a reply to a merged duplicate goes on in the ticket it joined; the duplicate stays closed', async () => {
    const { id: one, requester } = await ticketIn('waiting_customer');
    const contactId = (await getTicket(t.store, one))!.requesterId;
    const page = (await t.request('GET', '/api/agent/tickets?queue=all', { cookie: agent })).json.items;
    const open = (await Promise.all(page.map((i: { id: number }) => getTicket(t.store, i.id)))).filter((x: { requesterId: number; status: string }) => x.requesterId === contactId && x.status !== 'closed' && x.status !== 'resolved');
    const [source, target] = open as { id: number; version: number }[];
    expect((await t.request('POST', `/api/agent/tickets/${source!.id}/merge`, { cookie: agent, body: { targetId: target!.id, expectedVersion: source!.version } })).status).toBe(200);
    const replyTo = replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), source!.id, 'atende.local');
    await send({ from: requester, to: replyTo, text: 'Continua sem sinal no andar de cima.' });
    expect((await ticketThread(t.store, target!.id, 'staff')).at(-1)).toMatchObject({ authorKind: 'contact', body: 'Continua sem sinal no andar de cima.' });
    expect((await getTicket(t.store, source!.id))!.status).toBe('closed');
    expect((await outboxForTicket(t.store, source!.id)).map((m) => m.kind)).not.toContain('reply_refused');
  });

  it('when reopening is not allowed, the sender gets a polite answer on opening a new ticket and the ticket stays closed', async () => {
    await savePortalSettings(t.store, { ...(await getPortalSettings(t.store)), allowReopen: false });
    const { id, requester, replyTo } = await ticketIn('closed');
    const before = (await ticketThread(t.store, id, 'staff')).length;
    await send({ from: requester, to: replyTo, text: 'O problema voltou.' });
    expect((await getTicket(t.store, id))!.status).toBe('closed');
    expect(await ticketThread(t.store, id, 'staff')).toHaveLength(before);
    const answer = (await outboxForTicket(t.store, id)).find((m) => m.kind === 'reply_refused')!;
    expect(answer.toAddress).toBe(requester);
    expect(answer.textBody).toContain('abra um novo atendimento');
  });

  it('a forged ticket token or an unknown sender changes nothing', async () => {
    const { id, requester } = await ticketIn('waiting_customer');
    const before = (await getTicket(t.store, id))!;
    // Refused at RCPT TO now (550), before the body: the client is told, nothing is taken.
    await expect(send({ from: requester, to: `ticket-${id}-00000000000000000000@atende.local`, text: 'Forjado' })).rejects.toThrow(/550/);
    const { replyTo } = await ticketIn('waiting_customer');
    await send({ from: 'estranho@example.org', to: replyTo, text: 'Quem sou eu' });
    expect((await getTicket(t.store, id))!.version).toBe(before.version);
    expect((await ticketThread(t.store, id, 'staff')).some((m) => m.body === 'Forjado' || m.body === 'Quem sou eu')).toBe(false);
  });
});

describe('incoming mail over HTTP (provider webhook)', () => {
  // As the provider's MTA hands it over: with the envelope sender in Return-Path.
  const raw = (from: string, to: string, text: string) => `Return-Path: <${from}>\r\nFrom: ${from}\r\nTo: ${to}\r\nSubject: Re: x\r\nMessage-ID: <m1@example.com>\r\n\r\n${text}\r\n`;

  it('takes raw RFC 822 with the bearer token, refuses without it', async () => {
    const { id, requester, replyTo } = await ticketIn('waiting_customer');
    const denied = await t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw(requester, replyTo, 'Sem token') });
    expect(denied.status).toBe(401);
    const ok = await t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` }, body: raw(requester, replyTo, 'Pelo webhook') });
    expect(ok.status).toBe(202);
    expect((await ticketThread(t.store, id, 'staff')).at(-1)!.body).toBe('Pelo webhook');
    expect((await ticketThread(t.store, id, 'staff')).some((m) => m.body === 'Sem token')).toBe(false);
    // The provider retries the same message: nothing is added twice.
    const retry = await t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` }, body: raw(requester, replyTo, 'Pelo webhook') });
    expect(await retry.json()).toMatchObject({ outcome: 'ignored', reason: 'duplicate' });
    expect((await ticketThread(t.store, id, 'staff')).filter((m) => m.body === 'Pelo webhook')).toHaveLength(1);
  });

  it('a reply that reaches us without the ticket address is matched by References / In-Reply-To to our e-mails', async () => {
    const { id, requester } = await ticketIn('waiting_customer');
    // An agent's public reply e-mails the customer: its Message-ID is what their mail app answers.
    const version = (await getTicket(t.store, id))!.version;
    const sent = await t.request('POST', `/api/agent/tickets/${id}/messages`, { cookie: agent, body: { body: 'Pode testar agora?', visibility: 'public', expectedVersion: version } });
    expect(sent.status).toBe(201);
    const ours = (await outboxForTicket(t.store, id)).at(-1)!.messageId;
    // Sent to the help desk's plain address (no ticket token), as a reply-all or a forward to it may be.
    const mail = (headers: string, messageId: string, text: string) =>
      `Return-Path: <${requester}>\r\nFrom: ${requester}\r\nTo: atendimento@atende.local\r\nSubject: Re: seu atendimento\r\nMessage-ID: <${messageId}@cliente.example>\r\n${headers}\r\n${text}\r\n`;
    const post = (body: string) => t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822', authorization: `Bearer ${TOKEN}` }, body });

    const byReferences = await post(mail(`References: <older@cliente.example> ${ours}\r\n`, 'r1', 'Testei, voltou.'));
    expect(await byReferences.json()).toMatchObject({ outcome: 'added', ticketId: id });
    expect((await ticketThread(t.store, id, 'staff')).at(-1)).toMatchObject({ authorKind: 'contact', body: 'Testei, voltou.' });

    const byInReplyTo = await post(mail(`In-Reply-To: ${ours}\r\n`, 'r2', 'Obrigada!'));
    expect(await byInReplyTo.json()).toMatchObject({ outcome: 'added', ticketId: id });
    expect((await ticketThread(t.store, id, 'staff')).at(-1)!.body).toBe('Obrigada!');

    // A Message-ID we never sent matches nothing: the message is not posted anywhere, and it is refused
    // permanently (422), so the provider bounces it and the sender knows it reached nobody.
    const unknown = await post(mail('In-Reply-To: <never-sent@atende.local>\r\nReferences: <never-sent@atende.local>\r\n', 'r3', 'Perdido?'));
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toMatchObject({ code: 'unknown_recipient', message: 'Destinatário desconhecido: este e-mail não responde a nenhum atendimento.' });
    expect((await ticketThread(t.store, id, 'staff')).some((m) => m.body === 'Perdido?')).toBe(false);
  });

  it('a sender flooding the endpoint is slowed down with 429 (throttled per address)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) {
      const r = await t.app.request('/inbound-mail', { method: 'POST', headers: { 'content-type': 'message/rfc822' }, body: raw('x@example.com', 'y@example.com', `flood ${i}`) });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 120).every((s) => s === 401)).toBe(true);
    expect(statuses[120]).toBe(429);
  });
});
