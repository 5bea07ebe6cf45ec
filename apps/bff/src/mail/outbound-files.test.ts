import { DEMO_ACCOUNTS } from '@atende/db';
import { findContactByAnyEmail, getOrCreateSecret, outboxForTicket } from '@atende/db/store';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { capturingSmtp } from '../testing/capturing-smtp.js';
import { TEST_ORIGIN } from '../testing/test-app.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { FILE_LINK_SECRET, createFileLinkToken } from './file-link.js';
import { mailFilesOf } from './mail-files-config.js';
import { relayOutbox, smtpTransport } from './relay.js';

/** A PDF of ~2 KB: real content (checked by file-type), big enough to pass a tiny link threshold. */
const PDF = Buffer.from(`%PDF-1.4\n${'% relatório da visita técnica\n'.repeat(70)}1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`);
const DAY = 86_400_000;

let t: EngineTestApp;
afterEach(() => t.dispose());

/** An agent's public reply with the PDF on Carla's ticket: the customer's e-mail about it is in the outbox. */
async function replyWithFile() {
  const agent = await t.signIn(DEMO_ACCOUNTS.agent);
  const carla = await t.signIn(DEMO_ACCOUNTS.contact);
  const ticketId: number = (await t.request('GET', '/api/customer/tickets?tab=awaiting_return', { cookie: carla })).json.items[0].id;
  const { version } = (await t.request('GET', `/api/customer/tickets/${ticketId}`, { cookie: carla })).json.ticket;
  const up = await t.upload(agent, [{ name: 'relatório da visita.pdf', bytes: PDF }]);
  expect(up.status).toBe(201);
  // A browser sends the name in UTF-8: accents survive (busboy's default would read it as Latin-1).
  expect(up.json.files[0].filename).toBe('relatório da visita.pdf');
  const attachmentId: number = up.json.files[0].id;
  const sent = await t.request('POST', `/api/agent/tickets/${ticketId}/messages`, { cookie: agent, body: { body: 'Segue o relatório.', visibility: 'public', dueDate: '2030-03-20', expectedVersion: version, attachmentIds: [attachmentId] } });
  expect(sent.status, JSON.stringify(sent.json)).toBe(201);
  const mail = (await outboxForTicket(t.store, ticketId)).at(-1)!;
  expect(mail).toMatchObject({ kind: 'agent_update', toAddress: DEMO_ACCOUNTS.contact });
  return { ticketId, attachmentId, mail };
}

/** Relays the outbox to a real SMTP server on loopback; returns the customer's e-mail as a mail app reads it. */
async function deliver() {
  const smtp = capturingSmtp();
  const url = await smtp.start();
  try {
    const report = await relayOutbox(t.store, smtpTransport(url), { from: 'Atende <atendimento@atende.local>', now: () => t.clock.now, files: mailFilesOf(t.deps.config) });
    expect(report.failed).toBe(0);
    const forCarla = smtp.received.find((m) => m.rcpt.includes(DEMO_ACCOUNTS.contact) && m.raw.includes('Segue o relat'));
    expect(forCarla).toBeDefined();
    return simpleParser(forCarla!.raw);
  } finally {
    await smtp.stop();
  }
}

const open = (url: string, headers: Record<string, string> = {}) => t.app.request(url.replace(/^https?:\/\/[^/]+/, ''), { headers: { origin: TEST_ORIGIN, ...headers } });

describe("outbound ticket e-mails carry the message's files", () => {
  it('within the size setting, the file travels attached, byte for byte', async () => {
    t = await createEngineTestApp();
    await replyWithFile();
    const mail = await deliver();
    expect(mail.attachments.map((a) => a.filename)).toEqual(['relatório da visita.pdf']);
    expect(mail.attachments[0]!.content.equals(PDF)).toBe(true);
    expect(mail.text).not.toContain('/api/public/files/');
  });

  describe('above ATTACHMENT_LINK_ABOVE_MB, a signed link instead', () => {
    async function linkedMail() {
      t = await createEngineTestApp({ env: { ATTACHMENT_LINK_ABOVE_MB: '0.001', ATTACHMENT_LINK_DAYS: '30' } });
      const sent = await replyWithFile();
      const mail = await deliver();
      expect(mail.attachments).toEqual([]);
      const url = /(http\S+\/api\/public\/files\/\S+)/.exec(mail.text ?? '')?.[1];
      expect(url, mail.text).toBeDefined();
      return { ...sent, url: url!, mail };
    }

    it('the e-mail lists the file with a link that downloads it without signing in', async () => {
      const { url, mail } = await linkedMail();
      expect(mail.text).toContain('Anexos (grandes demais para anexar; os links valem por 30 dias, só para você):');
      expect(mail.text).toContain('- relatório da visita.pdf (2 KB): ');
      expect(mail.html).toContain(`<a href="${url}">relatório da visita.pdf</a>`);
      const res = await open(url);
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toMatch(/^sandbox/);
    });

    it('a tampered link, or one moved to another file, is refused with 403 and a clear message', async () => {
      const { url, mail, attachmentId } = await linkedMail();
      const token = url.split('/').at(-1)!;
      const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
      const tampered = await open(url.replace(token, flipped));
      expect(tampered.status).toBe(403);
      expect(await tampered.json()).toEqual({ code: 'file_link_invalid', message: expect.stringContaining('Este link de anexo não é válido') });
      // The same signature on another file's number (a guess at a neighbour's file).
      const [outboxId, , expiresAt, signature] = token.split('.');
      const moved = await open(url.replace(token, [outboxId, attachmentId - 1, expiresAt, signature].join('.')));
      expect(moved.status).toBe(403);
      // A link signed for someone else's e-mail address does not open this e-mail's file.
      const forged = createFileLinkToken(await getOrCreateSecret(t.store, FILE_LINK_SECRET), { outboxId: Number(outboxId), attachmentId, expiresAt: Number(expiresAt) }, 'intruso@example.com');
      expect((await open(url.replace(token, forged))).status).toBe(403);
      expect(mail.messageId).toBeTruthy();
    });

    it('an expired link is refused with 410, in the reader’s language', async () => {
      const { url } = await linkedMail();
      t.clock.now += 30 * DAY;
      const expired = await open(url);
      expect(expired.status).toBe(410);
      expect(await expired.json()).toEqual({ code: 'file_link_expired', message: 'Este link de anexo expirou. Abra o atendimento no portal para baixar o arquivo.' });
      const english = await open(url, { 'accept-language': 'en' });
      expect(((await english.json()) as { message: string }).message).toBe('This attachment link has expired. Open the ticket in the portal to download the file.');
    });

    it('stops working for a recipient who lost access (a deactivated contact)', async () => {
      const { url } = await linkedMail();
      const admin = await t.signIn(DEMO_ACCOUNTS.admin);
      const carla = (await findContactByAnyEmail(t.store, DEMO_ACCOUNTS.contact))!;
      expect((await t.request('POST', `/api/agent/contacts/${carla.id}/deactivate`, { cookie: admin, body: {} })).status).toBe(200);
      expect((await open(url)).status).toBe(403);
    });
  });
});
