import { CUSTOMER_TABS, type CustomerTab } from '@atende/domain';
import { drizzle } from 'drizzle-orm/node-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByEmail } from '../../queries/accounts.js';
import {
  changeTicket,
  customerTabCounts,
  getTicket,
  listCustomerTickets,
  ticketStateOf,
  type ActivityCursor,
  type ChangeTicketResult,
  type TicketListItem,
} from '../../queries/tickets.js';
import { DEMO_ACCOUNTS } from '../../seed/demo-data.js';
import type { PgDb } from '../client.js';
import * as pgSchema from '../schema.js';
import { createDemoDatabasesOnBothEngines } from '../testing.js';
import { changeTicketPg, customerTabCountsPg, getTicketPg, listCustomerTicketsPg, updateTicketIfVersionPg } from './tickets.js';

const NOW = Date.UTC(2026, 10, 23, 15, 0, 0);
let both: Awaited<ReturnType<typeof createDemoDatabasesOnBothEngines>>;

beforeAll(async () => {
  both = await createDemoDatabasesOnBothEngines(NOW);
});
afterAll(() => both?.dispose());

const contactIds = () => [DEMO_ACCOUNTS.contact, DEMO_ACCOUNTS.otherContact].map((email) => findAccountByEmail(both.sqlite, email)!.id);

/** Every page of a tab, following the keyset cursor, on either engine. */
async function walkPages(list: (cursor: ActivityCursor | null) => Promise<{ items: TicketListItem[]; nextCursor: ActivityCursor | null }>) {
  const pages: number[][] = [];
  let cursor: ActivityCursor | null = null;
  do {
    const page = await list(cursor);
    pages.push(page.items.map((t) => t.id));
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

describe('customer tab and keyset pages on PostgreSQL', () => {
  it('the generated customer_tab gives the same tab counts as SQLite for every contact', async () => {
    for (const requesterId of contactIds()) {
      const counts = await customerTabCountsPg(both.pg, requesterId, NOW);
      expect(counts).toEqual(customerTabCounts(both.sqlite, requesterId, NOW));
      for (const tab of CUSTOMER_TABS) expect(counts[tab], `tab ${tab}`).toBeGreaterThan(0);
    }
  });

  it('pages every tab newest activity first, page for page as SQLite does', async () => {
    for (const requesterId of contactIds()) {
      for (const tab of CUSTOMER_TABS as readonly CustomerTab[]) {
        const params = { requesterId, tab, now: NOW, limit: 3 };
        const onPg = await walkPages((cursor) => listCustomerTicketsPg(both.pg, { ...params, cursor }));
        const onSqlite = await walkPages(async (cursor) => listCustomerTickets(both.sqlite, { ...params, cursor }));
        expect(onPg, `${requesterId} ${tab}`).toEqual(onSqlite);
        expect(onPg.flat().length).toBe(customerTabCounts(both.sqlite, requesterId, NOW)[tab]);
      }
    }
  });

  it('moves a ticket to its new tab when its status changes (the generated column is rewritten with the row)', async () => {
    const [requesterId] = contactIds();
    const { items } = await listCustomerTicketsPg(both.pg, { requesterId: requesterId!, tab: 'awaiting_return', now: NOW, cursor: null, limit: 1 });
    const ticket = (await getTicketPg(both.pg, items[0]!.id))!;
    const result = await changeTicketPg(both.pg, {
      ticketId: ticket.id,
      now: NOW + 1,
      decide: (t) => ({ ok: true, next: { ...ticketStateOf(t), status: 'waiting_customer', waitingSince: NOW + 1 } }),
    });
    expect(result.ok && result.ticket.customerTab).toBe('awaiting_my_reply');
    const first = await listCustomerTicketsPg(both.pg, { requesterId: requesterId!, tab: 'awaiting_my_reply', now: NOW, cursor: null, limit: 1 });
    expect(first.items[0]!.id).toBe(ticket.id);
  });
});

describe('version checks on PostgreSQL: a race has exactly one winner', () => {
  it('two concurrent conditional UPDATEs of one version: the second waits for the first, then updates nothing', async () => {
    const [requesterId] = contactIds();
    const { items } = await listCustomerTicketsPg(both.pg, { requesterId: requesterId!, tab: 'all', now: NOW, cursor: null, limit: 1 });
    const ticket = (await getTicketPg(both.pg, items[0]!.id))!;
    const a = await both.pg.$client.connect();
    const b = await both.pg.$client.connect();
    try {
      const onA = drizzle({ client: a, schema: pgSchema }) as unknown as PgDb;
      const onB = drizzle({ client: b, schema: pgSchema }) as unknown as PgDb;
      const change = (priority: 'alta' | 'baixa') => ({ ok: true as const, next: { ...ticketStateOf(ticket), priority } });
      await a.query('BEGIN');
      await b.query('BEGIN');
      const first = await updateTicketIfVersionPg(onA, { id: ticket.id, expectedVersion: ticket.version, change: change('alta'), now: NOW + 10 });
      expect(first?.version).toBe(ticket.version + 1);
      // B's update of the same version now blocks on A's row lock; wait until PostgreSQL says so.
      const { rows } = await b.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const second = updateTicketIfVersionPg(onB, { id: ticket.id, expectedVersion: ticket.version, change: change('baixa'), now: NOW + 11 });
      for (;;) {
        const waiting = await both.pg.$client.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock'`, [rows[0]!.pid]);
        if (waiting.rowCount) break;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await a.query('COMMIT');
      expect(await second).toBeNull();
      await b.query('COMMIT');
    } finally {
      a.release();
      b.release();
    }
    const stored = (await getTicketPg(both.pg, ticket.id))!;
    expect(stored.priority).toBe('alta');
    expect(stored.version).toBe(ticket.version + 1);
  });

  it('six replies sent at once naming the version the page showed: one is written, five get a conflict', async () => {
    const [requesterId] = contactIds();
    const { items } = await listCustomerTicketsPg(both.pg, { requesterId: requesterId!, tab: 'awaiting_my_reply', now: NOW, cursor: null, limit: 1 });
    const ticket = (await getTicketPg(both.pg, items[0]!.id))!;
    const countMessages = async () =>
      (await both.pg.$client.query<{ n: number }>('SELECT count(*)::int AS n FROM messages WHERE ticket_id = $1', [ticket.id])).rows[0]!.n;
    const before = await countMessages();
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        changeTicketPg(both.pg, {
          ticketId: ticket.id,
          expectedVersion: ticket.version,
          now: NOW + 100 + i,
          decide: (t) => ({
            ok: true,
            next: ticketStateOf(t),
            messages: [{ authorKind: 'contact', authorId: requesterId!, visibility: 'public', body: `resposta ${i}`, createdAt: NOW + 100 + i }],
          }),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => r.code)).toEqual(Array(5).fill('conflict'));
    expect(await countMessages()).toBe(before + 1);
    expect((await getTicketPg(both.pg, ticket.id))!.version).toBe(ticket.version + 1);
  });

  it('behaves as SQLite on the same ticket: not found, a refused decision, and a stale version', async () => {
    const ticketId = (await listCustomerTicketsPg(both.pg, { requesterId: contactIds()[1]!, tab: 'all', now: NOW, cursor: null, limit: 1 })).items[0]!.id;
    const sqliteTicket = getTicket(both.sqlite, ticketId)!;
    const decideNo = () => ({ ok: false as const, code: 'not_allowed' });
    const codeOf = (result: ChangeTicketResult) => (result.ok ? 'ok' : result.code);
    expect(codeOf(await changeTicketPg(both.pg, { ticketId: 999_999, now: NOW, decide: decideNo }))).toBe(codeOf(changeTicket(both.sqlite, { ticketId: 999_999, now: NOW, decide: decideNo })));
    expect(codeOf(await changeTicketPg(both.pg, { ticketId, now: NOW, decide: decideNo }))).toBe('not_allowed');
    expect(codeOf(changeTicket(both.sqlite, { ticketId, now: NOW, decide: decideNo }))).toBe('not_allowed');
    const stale = { ticketId, expectedVersion: sqliteTicket.version - 1, now: NOW, decide: (t: typeof sqliteTicket) => ({ ok: true as const, next: ticketStateOf(t) }) };
    expect(codeOf(await changeTicketPg(both.pg, stale))).toBe('conflict');
    expect(codeOf(changeTicket(both.sqlite, stale))).toBe('conflict');
  });
});
