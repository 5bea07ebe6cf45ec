import { DEMO_ACCOUNTS } from '@atende/db';
import { getOrCreateSecret, getTicket, ticketThread, findAccount } from '@atende/db/store';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { rawSmtp } from '../testing/raw-smtp.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { startInboundSmtp } from './inbound-smtp.js';
import { replyAddressFor } from './reply-address.js';

/** The SMTP listener's own defences, spoken in raw SMTP on loopback (no client library in between). */
let t: EngineTestApp;
let smtp: ReturnType<typeof startInboundSmtp>;
let port: number;
const TOKEN = 'inbound-token-0123456789abcdef';
const MAX_BYTES = Math.round(0.05 * 1024 * 1024);

beforeEach(async () => {
  t = await createEngineTestApp({ env: { INBOUND_MAIL_TOKEN: TOKEN } });
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: t.dataDir, INBOUND_MAX_MESSAGE_MB: '0.05' });
  smtp = startInboundSmtp({ db: t.store, config, logger: pino({ level: 'silent' }), now: () => t.clock.now }, 0, '127.0.0.1', { connectionsPerClient: 2, messagesPerMinute: 3 });
  port = await smtp.listening;
});
afterEach(async () => {
  await smtp.close();
  await t.dispose();
});

async function someTicket() {
  const agent = await t.signIn(DEMO_ACCOUNTS.agent);
  const id: number = (await t.request('GET', '/api/agent/tickets', { cookie: agent })).json.items.find((i: { status: string }) => i.status === 'waiting_customer').id;
  const requester = (await findAccount(t.store, 'contact', (await getTicket(t.store, id))!.requesterId))!.email;
  return { id, requester, address: replyAddressFor(await getOrCreateSecret(t.store, 'reply_address'), id, 'atende.local') };
}

function message(from: string, to: string, body: string, extraHeaders = '') {
  return `From: ${from}\r\nTo: ${to}\r\nSubject: Re: atendimento\r\nMessage-ID: <${Math.random().toString(36).slice(2)}@example.com>\r\n${extraHeaders}\r\n${body}\r\n`;
}

describe('SMTP listener: RCPT TO, SIZE, malformed MIME, throttling', () => {
  it('announces its SIZE limit in EHLO', async () => {
    const c = await rawSmtp(port);
    expect(await c.command('EHLO cliente.example.com')).toMatch(new RegExp(`250[- ]SIZE ${MAX_BYTES}`));
    c.close();
  });

  it('refuses at RCPT TO, before any body, a recipient without a valid ticket token', async () => {
    const { id, address } = await someTicket();
    const c = await rawSmtp(port);
    await c.command('EHLO cliente.example.com');
    expect(await c.command('MAIL FROM:<cliente@example.com>')).toMatch(/^250/);
    expect(await c.command('RCPT TO:<suporte@atende.local>')).toMatch(/^550/);
    expect(await c.command(`RCPT TO:<ticket-${id}-00000000000000000000@atende.local>`)).toMatch(/^550/); // forged signature
    expect(await c.command(`RCPT TO:<${address.replace(`ticket-${id}-`, 'ticket-999999-')}>`)).toMatch(/^550/); // another ticket's signature
    expect(await c.command(`RCPT TO:<${address.replace('atende.local', 'outro.example')}>`)).toMatch(/^550/);
    expect(await c.command(`RCPT TO:<${address}>`)).toMatch(/^250/);
    c.close();
  });

  it('refuses a declared SIZE over the limit at MAIL FROM, and a body over it at the end of DATA, keeping nothing', async () => {
    const { id, requester, address } = await someTicket();
    const before = (await ticketThread(t.store, id, 'staff')).length;
    const c = await rawSmtp(port);
    await c.command('EHLO cliente.example.com');
    expect(await c.command(`MAIL FROM:<${requester}> SIZE=${MAX_BYTES + 1}`)).toMatch(/^552/);
    expect(await c.command(`MAIL FROM:<${requester}>`)).toMatch(/^250/);
    expect(await c.command(`RCPT TO:<${address}>`)).toMatch(/^250/);
    expect(await c.data(message(requester, address, 'x'.repeat(76) + '\r\n'.repeat(1) + ('y'.repeat(76) + '\r\n').repeat(Math.ceil(MAX_BYTES / 78))))).toMatch(/^552/);
    c.close();
    expect((await ticketThread(t.store, id, 'staff')).length).toBe(before);
  });

  const nested = (depth: number) => {
    let head = '';
    let tail = '';
    for (let i = 0; i < depth; i++) {
      head += `--b${i}\r\nContent-Type: multipart/mixed; boundary="b${i + 1}"\r\n\r\n`;
      tail = `--b${i}--\r\n` + tail;
    }
    return { headers: 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="b0"\r\n', body: head + tail };
  };
  const siblings = (count: number) => ({
    headers: 'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="s"\r\n',
    body: Array.from({ length: count }, () => '--s\r\nContent-Type: text/plain\r\n\r\nx\r\n').join('') + '--s--\r\n',
  });
  const manyHeaders = (count: number) => ({ headers: Array.from({ length: count }, (_, i) => `X-H${i}: v`).join('\r\n') + '\r\n', body: 'oi' });

  it.each([
    ['3,000 nested parts', () => nested(3000)],
    ['20,000 sibling parts', () => siblings(20_000)],
    ['50,000 header lines', () => manyHeaders(50_000)],
  ])('a message with %s gets a permanent 554 over SMTP and 422 over HTTP, never 451/500', async (_label, build) => {
    const { id, requester, address } = await someTicket();
    const bomb = build();
    const raw = message(requester, address, bomb.body, bomb.headers);
    // Sent below the SIZE limit where possible, so the MIME check (not SIZE) is what answers.
    const big = await t.app.request('/inbound-mail', { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'message/rfc822' }, body: raw });
    expect(big.status).toBe(422);
    expect(((await big.json()) as { code: string }).code).toBe('malformed_mail');

    const c = await rawSmtp(port);
    await c.command('EHLO cliente.example.com');
    await c.command(`MAIL FROM:<${requester}>`);
    await c.command(`RCPT TO:<${address}>`);
    const reply = await c.data(raw);
    expect(reply).toMatch(Buffer.byteLength(raw) > MAX_BYTES ? /^55[24]/ : /^554/);
    c.close();
    expect((await ticketThread(t.store, id, 'staff')).map((m) => m.body)).not.toContain('oi');
  });

  it('throttles a flooding client: messages a minute (450) and connections at once (421)', async () => {
    const { requester } = await someTicket();
    const c = await rawSmtp(port);
    await c.command('EHLO cliente.example.com');
    for (let i = 0; i < 3; i++) {
      expect(await c.command(`MAIL FROM:<${requester}>`)).toMatch(/^250/);
      expect(await c.command('RSET')).toMatch(/^250/);
    }
    expect(await c.command(`MAIL FROM:<${requester}>`)).toMatch(/^450/);

    const second = await rawSmtp(port);
    expect(second.greeting).toMatch(/^220/);
    const third = await rawSmtp(port);
    expect(third.greeting).toMatch(/^421/);
    c.close();
    second.close();
  });
});
