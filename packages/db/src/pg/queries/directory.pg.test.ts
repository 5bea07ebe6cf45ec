import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getCompany, getDirectoryContact, listCompanyContacts, listContactTickets, searchDirectory } from '../../queries/directory.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { getCompanyPg, getDirectoryContactPg, listCompanyContactsPg, listContactTicketsPg, searchDirectoryPg } from './directory.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
  // Rows whose order differs between byte order and a language collation, and a literal % in a name.
  for (const db of ['sqlite', 'pg'] as const) {
    const rows = [['academia Zeta'], ['Zebra Telecom'], ['100% Fibra']];
    for (const [name] of rows) {
      if (db === 'sqlite') both.sqlite.$client.prepare('INSERT INTO companies (name, created_at) VALUES (?, ?)').run(name, NOW);
      else await both.pg.$client.query('INSERT INTO companies (name, created_at) VALUES ($1, $2)', [name, NOW]);
    }
  }
});
afterAll(() => both?.dispose());

describe('directory search on PostgreSQL', () => {
  it.each(['a', 'ACADEMIA', 'example.com', 'cliente', 'net', '%', '100%', '_', 'ze', '  forma  ', 'nada-disso'])(
    'finds the same companies and contacts, in the same order, as SQLite for %j',
    async (q) => {
      const onPg = await searchDirectoryPg(both.pg, q);
      expect(onPg).toEqual(searchDirectory(both.sqlite, q));
    },
  );

  it('treats % and _ as the characters typed', async () => {
    expect((await searchDirectoryPg(both.pg, '100%')).companies.map((c) => c.name)).toEqual(['100% Fibra']);
    expect((await searchDirectoryPg(both.pg, '0% f')).companies.map((c) => c.name)).toEqual(['100% Fibra']);
    expect((await searchDirectoryPg(both.pg, '_')).companies).toEqual([]);
  });
});

describe('company and contact pages on PostgreSQL', () => {
  const ids = (table: 'companies' | 'contacts') => both.sqlite.$client.prepare(`SELECT id FROM ${table} ORDER BY id`).pluck().all() as number[];

  it('reads each company and contact (and an unknown id) as SQLite does', async () => {
    for (const id of [...ids('companies'), 999_999]) expect(await getCompanyPg(both.pg, id)).toEqual(getCompany(both.sqlite, id));
    for (const id of [...ids('contacts'), 999_999]) expect(await getDirectoryContactPg(both.pg, id)).toEqual(getDirectoryContact(both.sqlite, id));
  });

  it("lists each company's contacts in SQLite's byte order of names", async () => {
    const [companyId] = ids('companies');
    // Same name in two cases: byte order puts the capital first, whatever the server's collation.
    const rows = [['zélia', 'z1@x.com'], ['Zélia', 'z2@x.com'], ['álvaro', 'a1@x.com']] as const;
    for (const [i, [name, email]] of rows.entries()) {
      const id = 10_000 + i;
      both.sqlite.$client.prepare('INSERT INTO contacts (id, name, email, company_id, created_at) VALUES (?, ?, ?, ?, ?)').run(id, name, email, companyId, NOW);
      await both.pg.$client.query('INSERT INTO contacts (id, name, email, company_id, created_at) VALUES ($1, $2, $3, $4, $5)', [id, name, email, companyId, NOW]);
    }
    for (const id of [...ids('companies'), 999_999]) expect(await listCompanyContactsPg(both.pg, id)).toEqual(listCompanyContacts(both.sqlite, id));
  });

  it("lists one contact's or several contacts' latest tickets as SQLite does", async () => {
    const contactIds = ids('contacts');
    expect(await listContactTicketsPg(both.pg, [])).toEqual([]);
    for (const id of contactIds) expect(await listContactTicketsPg(both.pg, [id])).toEqual(listContactTickets(both.sqlite, [id]));
    expect(await listContactTicketsPg(both.pg, contactIds)).toEqual(listContactTickets(both.sqlite, contactIds));
    expect((await listContactTicketsPg(both.pg, contactIds)).length).toBeGreaterThan(1);
  });
});
