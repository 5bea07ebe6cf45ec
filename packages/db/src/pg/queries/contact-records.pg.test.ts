import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactImportLookups, importContacts, type ImportedContact } from '../../queries/contact-import.js';
import {
  companiesByIds,
  findContactByAnyEmail,
  insertCompany,
  insertContact,
  listCompanies,
  listContactEmails,
  setContactActive,
  updateCompany,
  updateContact,
  type ContactInput,
} from '../../queries/contact-records.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import { rowsOnBothEngines, type ComparedTable } from '../same-rows.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { contactImportLookupsPg, importContactsPg } from './contact-import.js';
import {
  companiesByIdsPg,
  findContactByAnyEmailPg,
  insertCompanyPg,
  insertContactPg,
  listCompaniesPg,
  listContactEmailsPg,
  setContactActivePg,
  updateCompanyPg,
  updateContactPg,
} from './contact-records.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

async function expectSameTables(...tables: ComparedTable[]) {
  for (const table of tables) {
    const rows = await rowsOnBothEngines(both, table);
    expect(rows.pg, table).toEqual(rows.sqlite);
  }
}

const companyIds = () => both.sqlite.$client.prepare('SELECT id FROM companies ORDER BY id').pluck().all() as number[];
const contactInput = (overrides: Partial<ContactInput> = {}): ContactInput => ({
  name: '  Nova Pessoa ',
  email: ' Nova@Example.com ',
  phone: '+5551999990000',
  companyId: companyIds()[0]!,
  extraEmails: ['Outra@Example.com', 'terceira@example.com'],
  ...overrides,
});

describe('contacts and companies: reads on PostgreSQL', () => {
  it('finds a contact by main or other address, in any case, and nobody for an unknown one', async () => {
    await insertBoth((db) => insertContact(db, contactInput(), NOW), (db) => insertContactPg(db, contactInput(), NOW));
    for (const email of [DEMO_ACCOUNTS.contact, ' CLIENTE@example.com', 'outra@example.com', 'TERCEIRA@example.com', 'ninguem@example.com', DEMO_ACCOUNTS.agent]) {
      expect(await findContactByAnyEmailPg(both.pg, email), email).toEqual(findContactByAnyEmail(both.sqlite, email));
    }
    const id = findContactByAnyEmail(both.sqlite, 'nova@example.com')!.id;
    expect(await listContactEmailsPg(both.pg, id)).toEqual(['outra@example.com', 'terceira@example.com']);
    expect(await listContactEmailsPg(both.pg, id)).toEqual(listContactEmails(both.sqlite, id));
  });

  it("lists companies in SQLite's byte order, and reads some by id", async () => {
    for (const name of ['zeta Ltda', 'Zeta Ltda', 'Ágil Ltda']) {
      await insertBoth((db) => insertCompany(db, { name, document: null, phone: null }, NOW), (db) => insertCompanyPg(db, { name, document: null, phone: null }, NOW));
    }
    expect(await listCompaniesPg(both.pg)).toEqual(listCompanies(both.sqlite));
    const ids = [...companyIds()].reverse();
    expect(await companiesByIdsPg(both.pg, ids)).toEqual(companiesByIds(both.sqlite, ids));
    expect(await companiesByIdsPg(both.pg, [])).toEqual([]);
  });
});

/** Runs a write on each engine, expects the same answer, and returns it. */
async function insertBoth<T>(onSqlite: (db: typeof both.sqlite) => T, onPg: (db: typeof both.pg) => Promise<T>): Promise<T> {
  const expected = onSqlite(both.sqlite);
  expect(await onPg(both.pg)).toEqual(expected);
  return expected;
}

describe('contacts and companies: writes on PostgreSQL', () => {
  it('refuses the same addresses for the same reasons as SQLite', async () => {
    const cases: ContactInput[] = [
      contactInput({ email: DEMO_ACCOUNTS.agent, extraEmails: [] }),
      contactInput({ email: DEMO_ACCOUNTS.contact.toUpperCase(), extraEmails: [] }),
      contactInput({ email: 'livre@example.com', extraEmails: ['x@example.com', ' X@example.com'] }),
      contactInput({ email: 'livre@example.com', extraEmails: ['outra@example.com'] }),
      contactInput({ email: 'livre@example.com', companyId: 999_999, extraEmails: [] }),
    ];
    for (const input of cases) {
      const result = await insertBoth((db) => insertContact(db, input, NOW), (db) => insertContactPg(db, input, NOW));
      expect(result.ok).toBe(false);
    }
    await expectSameTables('contacts', 'contactEmails');
  });

  it('updates a contact, its addresses and a company as SQLite does (and null for unknown ids)', async () => {
    const id = findContactByAnyEmail(both.sqlite, DEMO_ACCOUNTS.otherContact)!.id;
    const taken = contactInput({ email: DEMO_ACCOUNTS.contact, extraEmails: [] });
    expect((await insertBoth((db) => updateContact(db, id, taken, NOW), (db) => updateContactPg(db, id, taken, NOW)))?.ok).toBe(false);
    // Its own address is not "taken" by itself.
    const own = contactInput({ email: DEMO_ACCOUNTS.otherContact, extraEmails: ['otavio.casa@example.com'] });
    expect(await insertBoth((db) => updateContact(db, id, own, NOW + 1), (db) => updateContactPg(db, id, own, NOW + 1))).toEqual({ ok: true });
    expect(await insertBoth((db) => updateContact(db, 999_999, own, NOW), (db) => updateContactPg(db, 999_999, own, NOW))).toBeNull();
    const company = { name: ' Academia Renomeada ', document: '12.345.678/0001-90', phone: null };
    await insertBoth((db) => updateCompany(db, companyIds()[0]!, company), (db) => updateCompanyPg(db, companyIds()[0]!, company));
    expect(await insertBoth((db) => updateCompany(db, 999_999, company), (db) => updateCompanyPg(db, 999_999, company))).toBeNull();
    await expectSameTables('contacts', 'contactEmails', 'companies');
  });

  it('deactivating a contact ends its sessions; reactivating keeps them ended; unknown ids are false', async () => {
    const id = findContactByAnyEmail(both.sqlite, DEMO_ACCOUNTS.contact)!.id;
    both.sqlite.$client.prepare(`INSERT INTO sessions VALUES ('h1', 'contact', ?, ?, ?, ?), ('h2', 'agent', ?, ?, ?, ?)`).run(id, NOW, NOW, NOW + 1, id, NOW, NOW, NOW + 1);
    await both.pg.$client.query(`INSERT INTO sessions VALUES ('h1', 'contact', $1, $2, $2, $3), ('h2', 'agent', $1, $2, $2, $3)`, [id, NOW, NOW + 1]);
    expect(await insertBoth((db) => setContactActive(db, id, false), (db) => setContactActivePg(db, id, false))).toBe(true);
    await expectSameTables('contacts', 'sessions');
    expect((await rowsOnBothEngines(both, 'sessions')).pg).toHaveLength(1);
    expect(await insertBoth((db) => setContactActive(db, id, true), (db) => setContactActivePg(db, id, true))).toBe(true);
    expect(await insertBoth((db) => setContactActive(db, 999_999, false), (db) => setContactActivePg(db, 999_999, false))).toBe(false);
    await expectSameTables('contacts', 'sessions');
  });

  it('two contacts with one address created at once: one is written, the other is refused, as SQLite serializes them', async () => {
    const input = contactInput({ email: 'corrida@example.com', extraEmails: [] });
    const results = await Promise.all(Array.from({ length: 4 }, () => insertContactPg(both.pg, input, NOW)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.problem)).toEqual(Array(3).fill({ field: 'email', reason: 'taken_by_contact' }));
    const onSqlite = Array.from({ length: 4 }, () => insertContact(both.sqlite, input, NOW));
    expect(results.filter((r) => r.ok)).toEqual(onSqlite.filter((r) => r.ok));
    await expectSameTables('contacts', 'contactEmails');
  });
});

describe('contact import on PostgreSQL', () => {
  it('gives the dry run the same lookups', async () => {
    const onPg = await contactImportLookupsPg(both.pg);
    const onSqlite = contactImportLookups(both.sqlite);
    expect([...onPg.companyIdByName]).toEqual([...onSqlite.companyIdByName]);
    for (const email of [DEMO_ACCOUNTS.agent, DEMO_ACCOUNTS.admin, DEMO_ACCOUNTS.contact]) expect(onPg.isStaffEmail(email)).toBe(onSqlite.isStaffEmail(email));
  });

  it('creates new contacts, updates those found by any address, and a second run creates nothing', async () => {
    const companyId = companyIds()[1]!;
    const rows: ImportedContact[] = [
      { line: 2, name: 'Carla S.', email: DEMO_ACCOUNTS.contact, phone: null, companyId: null },
      { line: 3, name: 'Pelo outro endereço', email: 'otavio.casa@example.com', phone: '+5551911112222', companyId },
      { line: 4, name: 'Importada Um', email: 'um@import.example', phone: null, companyId },
      { line: 5, name: 'Importada Dois', email: 'dois@import.example', phone: '+5551933334444', companyId: null },
      { line: 6, name: 'Importada Um de novo', email: 'um@import.example', phone: '+5551955556666', companyId: null },
    ];
    for (const run of [1, 2]) {
      const result = await insertBoth((db) => importContacts(db, rows, NOW + run), (db) => importContactsPg(db, rows, NOW + run));
      expect(result.created, `run ${run}`).toHaveLength(run === 1 ? 2 : 0);
      await expectSameTables('contacts', 'contactEmails');
    }
    expect(await importContactsPg(both.pg, [], NOW)).toEqual({ created: [], updated: [] });
  });
});
