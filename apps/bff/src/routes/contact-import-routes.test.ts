import { DEMO_ACCOUNTS, type ImportedContact } from '@atende/db';
import { findContactByAnyEmail, importContacts, listAudit, listOutbox } from '@atende/db/store';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../contact-import/decode-csv.js';
import { createEngineTestApp, type EngineTestApp } from '../testing/engine-test-app.js';

let t: EngineTestApp;
beforeEach(async () => {
  t = await createEngineTestApp();
});
afterEach(() => t.dispose());

const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const MAPPING = { name: 0, email: 1, phone: 2, company: 3 };

/** "João" etc. in Windows-1252, as Excel on Windows saves a CSV. */
function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { ã: 0xe3, á: 0xe1, ç: 0xe7, é: 0xe9, õ: 0xf5, ó: 0xf3, í: 0xed };
  return Uint8Array.from([...text].map((ch) => table[ch] ?? ch.charCodeAt(0)));
}

describe('CSV as Brazilian spreadsheets save it', () => {
  it('reads UTF-8 with BOM and `;`, and Windows-1252 with `,`, quotes included', () => {
    const utf8 = parseCsv(Buffer.from('\uFEFFNome;E-mail;Telefone;Empresa\n"Souza; Ana";ana@x.com;(51) 99999-1234;Academia Boa Forma\r\n\r\n'));
    expect(utf8).toMatchObject({ encoding: 'utf-8', delimiter: ';', headers: ['Nome', 'E-mail', 'Telefone', 'Empresa'], rows: [{ line: 2, cells: ['Souza; Ana', 'ana@x.com', '(51) 99999-1234', 'Academia Boa Forma'] }] });
    const latin = parseCsv(windows1252('nome,email\nJoão Conceição,joao@x.com\n"Márcia ""Má"" Sá",marcia@x.com\n'));
    expect(latin).toMatchObject({ encoding: 'windows-1252', delimiter: ',', rows: [{ cells: ['João Conceição', 'joao@x.com'] }, { line: 3, cells: ['Márcia "Má" Sá', 'marcia@x.com'] }] });
  });
});

describe('Importar contatos (CSV)', () => {
  const FILE = [
    'Nome;E-mail;Telefone;Empresa',
    'Ana Souza;ana@padaria.com.br;(51) 99999-1234;Academia Boa Forma',
    'Bruno Lima;bruno@padaria.com.br;;',
    'Sem Arroba;bruno.padaria.com.br;;',
    'Bruno de novo;BRUNO@padaria.com.br;;',
    'Carla Nova;carla@padaria.com.br;;Empresa Que Não Existe',
    'Agente;agente@example.com;;',
  ].join('\n');

  it('previews the columns with a suggested mapping', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const preview = await t.request('POST', '/api/admin/contact-import/preview', { cookie: admin, body: { fileBase64: b64(FILE) } });
    expect(preview.json).toMatchObject({ encoding: 'utf-8', delimiter: ';', headers: ['Nome', 'E-mail', 'Telefone', 'Empresa'], rowCount: 6, suggestedMapping: MAPPING });
  });

  it('a dry run lists per-row errors (bad e-mail, duplicate, unknown company, team address) and writes nothing', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const dry = await t.request('POST', '/api/admin/contact-import', { cookie: admin, body: { fileBase64: b64(FILE), mapping: MAPPING, dryRun: true } });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({ dryRun: true, total: 6, valid: 2, errorCount: 4, created: 0 });
    expect(dry.json.errors).toEqual([
      { line: 4, field: 'email', message: 'E-mail inválido: "bruno.padaria.com.br".' },
      { line: 5, field: 'email', message: 'E-mail repetido na planilha (linha 3).' },
      { line: 6, field: 'company', message: 'Empresa desconhecida: "Empresa Que Não Existe".' },
      { line: 7, field: 'email', message: 'Este e-mail é de alguém da equipe.' },
    ]);
    expect(await findContactByAnyEmail(t.store, 'ana@padaria.com.br')).toBeNull();
  });

  it('imports the valid rows, is idempotent by e-mail and sends invitations only when asked', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const outboxBefore = (await listOutbox(t.store, { beforeId: null, limit: 100 })).length;
    const run = (body: object) => t.request('POST', '/api/admin/contact-import', { cookie: admin, body: { fileBase64: b64(FILE), mapping: MAPPING, dryRun: false, ...body } });
    expect((await run({})).json).toMatchObject({ created: 2, updated: 0, invited: 0, errorCount: 4 });
    expect(await findContactByAnyEmail(t.store, 'ana@padaria.com.br')).toMatchObject({ name: 'Ana Souza', companyId: expect.any(Number) });
    expect((await listOutbox(t.store, { beforeId: null, limit: 100 })).length).toBe(outboxBefore);
    // Again, now with invitations: nobody is duplicated; the two without a password are invited.
    expect((await run({ invite: true })).json).toMatchObject({ created: 0, updated: 2, invited: 2 });
    expect(t.mailer.lastLinkTo('ana@padaria.com.br')?.purpose).toBe('invitation');
    expect((await listAudit(t.store, { before: null, limit: 1 }))[0]).toMatchObject({ event: 'contacts_imported', details: { created: 0, updated: 2, invited: 2 } });
  });

  it('a 10,000-row file imports through the route, and a second import only updates', async () => {
    const admin = await t.signIn(DEMO_ACCOUNTS.admin);
    const lines = ['nome;email;telefone;empresa', ...Array.from({ length: 10_000 }, (_, i) => `Pessoa ${i};pessoa${i}@lote.com.br;(51) 9${String(i).padStart(4, '0')}-1234;Academia Boa Forma`)];
    const body = { fileBase64: b64(lines.join('\r\n')), mapping: MAPPING, dryRun: false };
    expect((await t.request('POST', '/api/admin/contact-import', { cookie: admin, body })).json).toMatchObject({ total: 10_000, created: 10_000, errorCount: 0 });
    expect((await t.request('POST', '/api/admin/contact-import', { cookie: admin, body })).json).toMatchObject({ created: 0, updated: 10_000 });
    expect(await findContactByAnyEmail(t.store, 'pessoa9999@lote.com.br')).toMatchObject({ name: 'Pessoa 9999' });
  }, 120_000);

  it('only admins import', async () => {
    const agent = await t.signIn(DEMO_ACCOUNTS.agent);
    expect((await t.request('POST', '/api/admin/contact-import', { cookie: agent, body: { fileBase64: b64(FILE), mapping: MAPPING, dryRun: true } })).status).toBe(403);
  });
});

/** An error's message and its causes' (a wrapped driver error says what failed). */
function messagesOf(error: unknown): string {
  const messages: string[] = [];
  for (let e = error; e instanceof Error; e = e.cause) messages.push(e.message);
  return messages.join(' / ');
}

describe('importContacts (the write)', () => {
  it('10,000 rows go in one transaction: a failing last row leaves nothing written', async () => {
    const rows: ImportedContact[] = Array.from({ length: 10_000 }, (_, i) => ({ line: i + 2, name: `Pessoa ${i}`, email: `p${i}@lote.com.br`, phone: null, companyId: null }));
    const broken = [...rows, { line: 10_002, name: 'Empresa inexistente', email: 'x@lote.com.br', phone: null, companyId: 424242 }];
    // SQLite says "FOREIGN KEY constraint failed"; on PostgreSQL drizzle's "Failed query" wraps the
    // driver's "violates foreign key constraint" (its cause).
    const failure = await importContacts(t.store, broken, 1).then(() => null, (error: unknown) => error);
    expect(messagesOf(failure)).toMatch(/FOREIGN KEY/i);
    expect(await findContactByAnyEmail(t.store, 'p0@lote.com.br')).toBeNull();
    expect((await importContacts(t.store, rows, 1)).created).toHaveLength(10_000);
    expect(await importContacts(t.store, rows, 2)).toMatchObject({ created: [], updated: expect.any(Array) });
    expect(await findContactByAnyEmail(t.store, 'p9999@lote.com.br')).toMatchObject({ name: 'Pessoa 9999' });
  }, 120_000);
});
