import { CUSTOMER_TABS, DAY_MS } from '@atende/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { TEST_NOW, createTestDatabase } from '../testing/index.js';
import { findAccountByEmail } from './accounts.js';
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemoData } from '../seed/demo-data.js';
import { changeTicket, customerTabCounts, getTicket, listCustomerTickets, ticketStateOf } from './tickets.js';
import { ticketThread } from './thread.js';

const NOW = TEST_NOW; // the demo data's moment
let db: Db;
let dispose: () => void;

beforeEach(() => {
  ({ db, dispose } = createTestDatabase({ content: 'demo' }));
});
afterEach(() => dispose());

function contactId(email: string): number {
  const account = findAccountByEmail(db, email);
  if (!account) throw new Error('missing demo account');
  return account.id;
}

describe('demo data', () => {
  it('has at least 30 tickets spread so every tab of both contacts has content', () => {
    expect(isDatabaseEmpty(db)).toBe(false);
    let total = 0;
    for (const email of [DEMO_ACCOUNTS.contact, DEMO_ACCOUNTS.otherContact]) {
      const counts = customerTabCounts(db, contactId(email), NOW);
      for (const tab of CUSTOMER_TABS) expect(counts[tab], `${email} ${tab}`).toBeGreaterThan(0);
      total += counts.all;
    }
    expect(total).toBeGreaterThanOrEqual(30);
  });

  it('is refused in production', () => {
    expect(() => seedDemoData(db, { passwordHash: 'x', now: NOW, environment: 'production' })).toThrow(/production/);
  });
});

describe('customer tabs', () => {
  it('counts match what each tab lists, walking every page', () => {
    const requesterId = contactId(DEMO_ACCOUNTS.contact);
    const counts = customerTabCounts(db, requesterId, NOW);
    for (const tab of CUSTOMER_TABS) {
      const seen: number[] = [];
      let cursor = null;
      do {
        const page = listCustomerTickets(db, { requesterId, tab, now: NOW, cursor, limit: 3 });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(seen).size, tab).toBe(counts[tab]);
    }
  });

  it('lists newest activity first and only the requester’s own tickets', () => {
    const requesterId = contactId(DEMO_ACCOUNTS.contact);
    const page = listCustomerTickets(db, { requesterId, tab: 'all', now: NOW, cursor: null, limit: 100 });
    const times = page.items.map((t) => t.updatedAt);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const item of page.items) expect(getTicket(db, item.id)?.requesterId).toBe(requesterId);
  });

  it('a closed ticket leaves "Não avaliados" when its rating window passes', () => {
    const requesterId = contactId(DEMO_ACCOUNTS.contact);
    const before = customerTabCounts(db, requesterId, NOW).unrated;
    expect(customerTabCounts(db, requesterId, NOW + 31 * DAY_MS).unrated).toBeLessThan(before);
  });

  it('tab counts and pages read only the requester’s index range (no scan of other customers)', () => {
    const plans = [
      db.$client.prepare(
        `EXPLAIN QUERY PLAN select customer_tab, count(*) from tickets where requester_id = 1 group by customer_tab`,
      ),
      db.$client.prepare(
        `EXPLAIN QUERY PLAN select id from tickets where requester_id = 1 and customer_tab = 'awaiting_return' and (updated_at, id) < (5, 5) order by updated_at desc, id desc limit 20`,
      ),
      db.$client.prepare(
        `EXPLAIN QUERY PLAN select id from tickets where requester_id = 1 order by updated_at desc, id desc limit 20`,
      ),
    ].map((statement) => (statement.all() as { detail: string }[]).map((row) => row.detail).join('\n'));
    for (const plan of plans) {
      expect(plan).toMatch(/USING (COVERING )?INDEX tickets_requester/);
      expect(plan).not.toMatch(/SCAN tickets\b(?! USING)/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});

describe('changeTicket', () => {
  it('a stale version is a conflict and changes nothing', () => {
    const ticket = listCustomerTickets(db, { requesterId: contactId(DEMO_ACCOUNTS.contact), tab: 'awaiting_my_reply', now: NOW, cursor: null, limit: 1 }).items[0]!;
    const before = getTicket(db, ticket.id)!;
    const result = changeTicket(db, {
      ticketId: ticket.id,
      expectedVersion: before.version - 1,
      now: NOW,
      decide: (t) => ({ ok: true, next: { ...ticketStateOf(t), status: 'open' } }),
    });
    expect(result).toMatchObject({ ok: false, code: 'conflict' });
    expect(getTicket(db, ticket.id)).toEqual(before);
  });

  it('writes the state, its message and event together and bumps the version', () => {
    const ticket = getTicket(db, 1)!;
    const result = changeTicket(db, {
      ticketId: 1,
      expectedVersion: ticket.version,
      now: NOW + 1000,
      decide: (t) => ({
        ok: true,
        next: { ...ticketStateOf(t), status: 'open' },
        messages: [{ authorKind: 'contact', authorId: t.requesterId, visibility: 'public', body: 'Segue a foto.', createdAt: NOW + 1000 }],
        events: [{ actorKind: 'contact', actorId: t.requesterId, type: 'status_changed', fromStatus: t.status, toStatus: 'open', data: { action: 'customer_reply' }, createdAt: NOW + 1000 }],
      }),
    });
    expect(result).toMatchObject({ ok: true, ticket: { status: 'open', version: ticket.version + 1, updatedAt: NOW + 1000 } });
    expect(ticketThread(db, 1, 'customer').at(-1)?.body).toBe('Segue a foto.');
  });
});

describe('thread', () => {
  it('customers never receive internal notes; staff do', () => {
    const staff = ticketThread(db, 1, 'staff');
    const customer = ticketThread(db, 1, 'customer');
    expect(staff.some((m) => m.visibility === 'internal')).toBe(true);
    expect(customer.every((m) => m.visibility === 'public')).toBe(true);
    expect(customer.length).toBe(staff.length - 1);
  });
});
