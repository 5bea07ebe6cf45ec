import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACCOUNTS } from '@atende/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';
import { TEST_ORIGIN } from '../testing/test-client.js';

/** A real 1×1 PNG (a phone photo stands in for it in the e2e journey). */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

function storedFiles(dataDir: string): string[] {
  const root = join(dataDir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
}

describe('attachments (Anexos)', () => {
  let t: EngineTestApp;
  let customer: string;
  let ticketId: number;
  beforeEach(async () => {
    t = await createEngineTestApp({ env: { ATTACHMENT_MAX_FILE_MB: '0.01', ATTACHMENT_MAX_MESSAGE_MB: '0.015', ATTACHMENT_MAX_FILES: '3' } });
    customer = await t.signIn(DEMO_ACCOUNTS.contact);
    ticketId = (await t.request('GET', '/api/customer/tickets?tab=awaiting_my_reply', { cookie: customer })).json.items[0].id;
  });
  afterEach(() => t.dispose());

  async function reply(cookie: string, body: string, attachmentIds: number[]) {
    const { ticket } = (await t.request('GET', `/api/customer/tickets/${ticketId}`, { cookie })).json;
    return t.request('POST', `/api/customer/tickets/${ticketId}/replies`, { cookie, body: { body, expectedVersion: ticket.version, attachmentIds } });
  }

  it('a photo and a PDF uploaded with a reply appear on the message and download as files', async () => {
    const up = await t.upload(customer, [{ name: 'foto da catraca.png', bytes: PNG, type: 'image/png' }, { name: 'nota.pdf', bytes: PDF }]);
    expect(up.status).toBe(201);
    expect(up.json.files.map((f: { mime: string }) => f.mime)).toEqual(['image/png', 'application/pdf']);
    expect((await reply(customer, 'Segue a foto.', up.json.files.map((f: { id: number }) => f.id))).status).toBe(201);

    const thread = (await t.request('GET', `/api/customer/tickets/${ticketId}`, { cookie: customer })).json.messages;
    const last = thread.at(-1);
    expect(last.attachments.map((a: { filename: string }) => a.filename)).toEqual(['foto da catraca.png', 'nota.pdf']);

    const image = await t.request('GET', `/api/tickets/${ticketId}/attachments/${last.attachments[0].id}`, { cookie: customer });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('content-disposition')).toMatch(/^inline;/);
    expect(image.headers.get('x-content-type-options')).toBe('nosniff');
    expect(image.headers.get('content-security-policy')).toMatch(/^sandbox/);
    const pdf = await t.request('GET', `/api/tickets/${ticketId}/attachments/${last.attachments[1].id}`, { cookie: customer });
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="nota.pdf"/);

    // The agent sees them too; another customer does not even learn they exist.
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('GET', `/api/tickets/${ticketId}/attachments/${last.attachments[0].id}`, { cookie: agent })).status).toBe(200);
    const other = await t.signIn(DEMO_ACCOUNTS.otherContact);
    expect((await t.request('GET', `/api/tickets/${ticketId}/attachments/${last.attachments[0].id}`, { cookie: other })).status).toBe(404);
  });

  it("an internal note's file never reaches the customer (ASVS 8.2.2)", async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    const up = await t.upload(agent, [{ name: 'interno.pdf', bytes: PDF }]);
    const { ticket } = (await t.request('GET', `/api/agent/tickets/${ticketId}`, { cookie: agent })).json;
    const note = await t.request('POST', `/api/agent/tickets/${ticketId}/messages`, { cookie: agent, body: { body: 'Nota com anexo', visibility: 'internal', expectedVersion: ticket.version, attachmentIds: [up.json.files[0].id] } });
    expect(note.status).toBe(201);
    const fileId = up.json.files[0].id;
    expect((await t.request('GET', `/api/tickets/${ticketId}/attachments/${fileId}`, { cookie: agent })).status).toBe(200);
    expect((await t.request('GET', `/api/tickets/${ticketId}/attachments/${fileId}`, { cookie: customer })).status).toBe(404);
    const customerThread = (await t.request('GET', `/api/customer/tickets/${ticketId}`, { cookie: customer })).json.messages;
    expect(JSON.stringify(customerThread)).not.toContain('interno.pdf');
  });

  it.each([
    ['a disguised executable', 'foto.jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)])],
    ['an ELF binary', 'relatorio.pdf', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]), Buffer.alloc(100)])],
    ['an HTML page', 'leia.txt', Buffer.from('<!DOCTYPE html><script>alert(1)</script>')],
    ['an SVG image', 'logo.png', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['a zip archive', 'docs.docx', Buffer.from('504b0304140000000800', 'hex')],
  ])('%s is refused by content, with a field error, and nothing is stored', async (_label, name, bytes) => {
    const up = await t.upload(customer, [{ name, bytes, type: 'image/jpeg' }]);
    expect(up.status).toBe(400);
    expect(up.json.fields.files).toContain(name);
    expect(storedFiles(t.dataDir)).toEqual([]);
    // count(*) is a bigint (a string) on PostgreSQL.
    expect(Number((await t.rows<{ n: number | string }>('select count(*) as n from attachments'))[0]!.n)).toBe(0);
  });

  it('a file over the per-file limit is refused by name and nothing is stored (even the good file sent with it)', async () => {
    const up = await t.upload(customer, [{ name: 'ok.png', bytes: PNG }, { name: 'grande.txt', bytes: 'a'.repeat(20_000) }]);
    expect(up.status).toBe(400);
    expect(up.json.fields.files).toMatch(/grande\.txt.*limite/);
    expect(storedFiles(t.dataDir)).toEqual([]);
  });

  it('more files than the limit, or more bytes than a message may carry, are refused', async () => {
    const tooMany = await t.upload(customer, Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.png`, bytes: PNG })));
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.fields.files).toMatch(/no máximo 3 arquivos/);

    const a = await t.upload(customer, [{ name: 'a.txt', bytes: 'a'.repeat(9_000) }]);
    const b = await t.upload(customer, [{ name: 'b.txt', bytes: 'b'.repeat(9_000) }]);
    const sent = await reply(customer, 'Dois arquivos', [a.json.files[0].id, b.json.files[0].id]);
    expect(sent.status).toBe(400);
    expect(sent.json.fields.attachmentIds).toMatch(/limite/);
  });

  it('an upload cut in the middle stores nothing and says so', async () => {
    const boundary = 'XcortadoX';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="foto.png"\r\nContent-Type: image/png\r\n\r\n`;
    const body = Buffer.concat([Buffer.from(head), PNG.subarray(0, 30)]); // no closing boundary: the connection dropped
    const response = await t.app.request('/api/uploads', { method: 'POST', headers: { origin: TEST_ORIGIN, cookie: customer, 'content-type': `multipart/form-data; boundary=${boundary}` }, body });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { fields: { files: string } }).fields.files).toMatch(/interrompido/);
    expect(storedFiles(t.dataDir)).toEqual([]);
  });

  it("someone else's upload cannot be attached, and one upload is claimed by one message only", async () => {
    const other = await t.signIn(DEMO_ACCOUNTS.otherContact);
    const theirs = await t.upload(other, [{ name: 'deles.png', bytes: PNG }]);
    const stolen = await reply(customer, 'Anexo alheio', [theirs.json.files[0].id]);
    expect(stolen.status).toBe(400);
    expect(stolen.json.fields.attachmentIds).toMatch(/não está mais disponível/);

    const mine = await t.upload(customer, [{ name: 'minha.png', bytes: PNG }]);
    expect((await reply(customer, 'Primeira', [mine.json.files[0].id])).status).toBe(201);
    expect((await reply(customer, 'Segunda', [mine.json.files[0].id])).status).toBe(400);
  });

  it('a cross-site multipart post is refused before anything is read', async () => {
    const form = new FormData();
    form.append('files', new Blob([PNG]), 'x.png');
    const response = await t.app.request('/api/uploads', { method: 'POST', headers: { origin: 'https://evil.example', cookie: customer }, body: form });
    expect(response.status).toBe(403);
    expect(storedFiles(t.dataDir)).toEqual([]);
  });

  it('a new ticket from the portal carries its Anexos', async () => {
    const up = await t.upload(customer, [{ name: 'print.png', bytes: PNG }]);
    const created = await t.request('POST', '/api/customer/tickets', {
      cookie: customer,
      body: { departmentId: 1, subjectId: 1, subject: 'Catraca travada', body: 'Veja a foto.', origin: 'portal', idempotencyKey: 'anexo-novo-chamado-1', attachmentIds: [up.json.files[0].id] },
    });
    expect(created.status).toBe(201);
    const page = (await t.request('GET', `/api/customer/tickets/${created.json.ticket.id}`, { cookie: customer })).json;
    expect(page.messages[0].attachments[0].filename).toBe('print.png');
  });
});
