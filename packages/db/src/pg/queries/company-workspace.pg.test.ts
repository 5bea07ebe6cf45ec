import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import { companyContacts, listCompanyTickets, managedCompanyOf } from '../../queries/company-tickets.js';
import { moveTicketMessages, otherRecentTickets, ticketCustomerCard } from '../../queries/ticket-workspace.js';
import type { ActivityCursor } from '../../queries/tickets.js';
import * as sqliteSchema from '../../schema.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import * as pgSchema from '../schema.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { tableOnBothEngines } from '../twin-testing.js';
import { companyContactsPg, listCompanyTicketsPg, managedCompanyOfPg } from './company-tickets.js';
import { moveTicketMessagesPg, otherRecentTicketsPg, ticketCustomerCardPg } from './ticket-workspace.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

async function onBoth<T>(sqlite: () => T, pg: () => Promise<T>): Promise<T> {
  const expected = sqlite();
  expect(await pg()).toEqual(expected);
  return expected;
}

const idOf = (email: string) => findAccountByEmail(both.sqlite, email)!.id;
const tickets = () => both.sqlite.select().from(sqliteSchema.tickets).all();

describe("a company manager's view on PostgreSQL answers as on SQLite", () => {
  it('finds the managed company, its contacts in byte order and every page of its tickets', async () => {
    const manager = idOf(DEMO_ACCOUNTS.companyManager);
    const companyId = (await onBoth(() => managedCompanyOf(both.sqlite, manager), () => managedCompanyOfPg(both.pg, manager)))!;
    expect(companyId).not.toBeNull();
    for (const id of [idOf(DEMO_ACCOUNTS.contact), 999_999]) expect(await onBoth(() => managedCompanyOf(both.sqlite, id), () => managedCompanyOfPg(both.pg, id))).toBeNull();

    // A language collation on the server must not change the order SQLite gives (see the report test).
    await both.pg.$client.query(`ALTER TABLE contacts ALTER COLUMN name TYPE text COLLATE "pt-BR-x-icu"`);
    for (const [name, email] of [['álvaro', 'alvaro@example.com'], ['Carla Souza', 'carla2@example.com'], ['beto', 'beto@example.com']]) {
      const contact = { companyId, name: name!, email: email!, createdAt: NOW };
      both.sqlite.insert(sqliteSchema.contacts).values(contact).run();
      await both.pg.insert(pgSchema.contacts).values(contact);
    }
    const listed = await onBoth(() => companyContacts(both.sqlite, companyId), () => companyContactsPg(both.pg, companyId));
    expect(listed.map((c) => c.name)).toEqual(['Carla Souza', 'Carla Souza', 'Marina Gestora', 'beto', 'álvaro']);
    await onBoth(() => companyContacts(both.sqlite, 999_999), () => companyContactsPg(both.pg, 999_999));

    const requesterId = idOf(DEMO_ACCOUNTS.contact);
    const views = [{ companyId }, { companyId, requesterId }, { companyId: null, requesterId: idOf(DEMO_ACCOUNTS.otherContact) }, { companyId: 999_999 }];
    for (const view of views) {
      let cursor: ActivityCursor | null = null;
      let pages = 0;
      do {
        const params = { ...view, cursor, limit: 2 };
        const page: ReturnType<typeof listCompanyTickets> = await onBoth(() => listCompanyTickets(both.sqlite, params), () => listCompanyTicketsPg(both.pg, params));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 100);
      if (view.companyId !== 999_999) expect(pages).toBeGreaterThan(1);
    }

    // A manager whose account was switched off manages nothing.
    both.sqlite.$client.prepare('UPDATE contacts SET active = 0 WHERE id = ?').run(manager);
    await both.pg.$client.query('UPDATE contacts SET active = false WHERE id = $1', [manager]);
    expect(await onBoth(() => managedCompanyOf(both.sqlite, manager), () => managedCompanyOfPg(both.pg, manager))).toBeNull();
  });
});

describe("the ticket workspace's side panel on PostgreSQL answers as on SQLite", () => {
  it('gives the same customer card and other recent tickets for every ticket', async () => {
    for (const ticket of tickets()) {
      await onBoth(() => ticketCustomerCard(both.sqlite, ticket), () => ticketCustomerCardPg(both.pg, ticket));
      await onBoth(() => otherRecentTickets(both.sqlite, ticket), () => otherRecentTicketsPg(both.pg, ticket));
    }
    // The manager has no phone of her own: the company's switchboard is shown, on both.
    const manager = { requesterId: idOf(DEMO_ACCOUNTS.companyManager), companyId: null };
    expect((await onBoth(() => ticketCustomerCard(both.sqlite, manager), () => ticketCustomerCardPg(both.pg, manager)))!.phone).not.toBeNull();
    expect(await onBoth(() => ticketCustomerCard(both.sqlite, { requesterId: 999_999, companyId: null }), () => ticketCustomerCardPg(both.pg, { requesterId: 999_999, companyId: null }))).toBeNull();
  });

  it('moves the same messages when merging a duplicate', async () => {
    const [from, to] = tickets().map((t) => t.id);
    expect(await onBoth(() => moveTicketMessages(both.sqlite, from!, to!), () => moveTicketMessagesPg(both.pg, from!, to!))).toBeGreaterThan(0);
    expect(await onBoth(() => moveTicketMessages(both.sqlite, from!, to!), () => moveTicketMessagesPg(both.pg, from!, to!))).toBe(0);
    const rows = await tableOnBothEngines(both, 'messages');
    expect(rows.pg).toEqual(rows.sqlite);
  });
});
