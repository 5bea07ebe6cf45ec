import { CUSTOMER_TABS } from '@atende/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { tickets } from '../schema.js';
import type { Db } from '../client.js';
import { DEMO_ACCOUNTS } from '../seed/demo-data.js';
import { TEST_NOW, createTestDatabase } from '../testing/index.js';
import { findAccountByEmail } from './accounts.js';
import { findSessionWithAccount, insertSession } from './sessions.js';
import { AGENT_QUEUES, agentQueueCounts, listAgentQueue } from './agent-queues.js';
import { nextRatingDeadlineOf, panelStampOf, panelTagPartsOf } from './panel-stamps.js';
import { changeTicket, customerTabCounts, getTicket, listCustomerTickets, ticketStateOf } from './tickets.js';
import { automaticActions, latestClosingMergeTarget, ticketParticipants, ticketThread } from './thread.js';
import { attachmentsOfMessages } from './attachments.js';
import { ticketRatings } from './ratings.js';
import { searchTicketIds } from './ticket-search.js';
import { departmentAgentLoads, resolvedTicketsBatch, waitingTicketsBatch } from './automation-scans.js';

/**
 * Guard rail of the benchmark (issue 7): every query on a hot path is run for real, the SQL it sends
 * is captured, and SQLite's plan for it must neither walk the whole tickets or messages table nor sort
 * in a temporary B-tree. The planner decides without statistics (the portal never runs ANALYZE), so the
 * plan on the small demo data is the plan at a million tickets.
 *
 * Add a row when you add a hot query. `indexWalk` allows an ordered walk of one named index that a
 * LIMIT stops early (the agent's newest-first list): name the index, so a different walk still fails.
 */
interface HotQuery {
  name: string;
  run: (db: Db, f: Fixture) => unknown;
  indexWalk?: string;
  /** Why a sort is bounded whatever the history's size (the set sorted is work due now, not all tickets). */
  boundedSort?: string;
  /** A scan is allowed only in a statement that stops at a LIMIT (capped counts). */
  limitBoundedScan?: true;
  /**
   * Indexes the plan must use. A partial index (tickets_unclosed_*) is used only while the query states
   * its condition: without it the planner quietly picks a wider index that is still "an index".
   */
  uses?: string[];
}

const DUE_INDEXES = ['tickets_unclosed_due_idx', 'tickets_unclosed_response_due_idx'];

interface Fixture {
  contactId: number;
  ticketId: number;
  now: number;
}

const HOT_QUERIES: HotQuery[] = [
  { name: 'session lookup (every request)', run: (db) => findSessionWithAccount(db, 'plan-token') },
  { name: 'tab counts', run: (db, f) => customerTabCounts(db, f.contactId, f.now) },
  { name: "panel stamp (every panel refetch's 304 check)", run: (db, f) => panelStampOf(db, f.contactId) },
  { name: "next rating window to close (a panel answer's ETag)", run: (db, f) => nextRatingDeadlineOf(db, f.contactId, f.now) },
  { name: "a whole panel answer's tag parts (stamps and the next rating window, one read)", run: (db, f) => panelTagPartsOf(db, f.contactId, f.now) },
  ...CUSTOMER_TABS.flatMap((tab): HotQuery[] => [
    { name: `tab page: ${tab}`, run: (db, f) => listCustomerTickets(db, { requesterId: f.contactId, tab, now: f.now, cursor: null, limit: 20 }) },
    {
      name: `tab page: ${tab}, next page`,
      run: (db, f) => listCustomerTickets(db, { requesterId: f.contactId, tab, now: f.now, cursor: { updatedAt: f.now, id: 1000 }, limit: 20 }),
    },
  ]),
  { name: 'ticket', run: (db, f) => getTicket(db, f.ticketId) },
  { name: 'ticket participants', run: (db, f) => ticketParticipants(db, f.ticketId) },
  { name: 'ticket thread (customer)', run: (db, f) => ticketThread(db, f.ticketId, 'customer') },
  { name: 'ticket thread (staff)', run: (db, f) => ticketThread(db, f.ticketId, 'staff') },
  { name: "attachments of a thread's messages", run: (db, f) => attachmentsOfMessages(db, [f.ticketId, f.ticketId + 1, f.ticketId + 2]), boundedSort: 'only the files of the messages asked for (one page of a thread) are sorted' },
  { name: "a closed ticket's merge target", run: (db, f) => latestClosingMergeTarget(db, f.ticketId) },
  { name: "a ticket's ratings", run: (db, f) => ticketRatings(db, f.ticketId), boundedSort: 'one ticket’s ratings, one per closing, are sorted' },
  { name: "ticket's automatic actions (customer view)", run: (db, f) => automaticActions(db, f.ticketId, ['reminder_sent', 'auto_closed']) },
  {
    name: 'customer reply (write)',
    run: (db, f) =>
      changeTicket(db, {
        ticketId: f.ticketId,
        now: f.now,
        decide: (t) => ({
          ok: true,
          next: ticketStateOf(t),
          message: { authorKind: 'contact', authorId: f.contactId, visibility: 'public', body: 'oi', createdAt: f.now },
        }),
      }),
  },
  ...AGENT_QUEUES.map((queue): HotQuery => ({
    name: `agent queue: ${queue}`,
    run: (db, f) =>
      listAgentQueue(db, { queue, filters: {}, sort: 'updated', cursor: null, limit: 25, clock: { agentId: 1, now: f.now, endOfToday: f.now + 3_600_000 } }),
    indexWalk: 'tickets_activity_idx',
    ...(queue === 'today' || queue === 'overdue'
      ? { boundedSort: 'only open tickets due by today are sorted: the queue a team empties every day, not the history', uses: DUE_INDEXES }
      : {}),
  })),
  // "Todos" sorted by priority or due date: an ordered walk of the sort's own expression index, the
  // next page sought from its cursor (queue-order.ts), never every ticket read and sorted.
  ...(['priority', 'due'] as const).flatMap((sort): HotQuery[] =>
    [null, { key: sort === 'due' ? 9_000_000_000_000 : 20_000_000_000_000, id: 5 }].map((cursor) => ({
      name: `agent queue "Todos" by ${sort}${cursor ? ', next page' : ''}`,
      run: (db, f) => listAgentQueue(db, { queue: 'all', filters: {}, sort, cursor, limit: 25, clock: { agentId: 1, now: f.now, endOfToday: f.now + 3_600_000 } }),
      indexWalk: sort === 'due' ? 'tickets_due_order_idx' : 'tickets_priority_order_idx',
      uses: [sort === 'due' ? 'tickets_due_order_idx' : 'tickets_priority_order_idx'],
    })),
  ),
  { name: 'agent search (FTS5: subjects, messages, number)', run: (db) => searchTicketIds(db, '12 conexao') },
  { name: 'agent search by ticket number', run: (db, f) => searchTicketIds(db, `#${f.ticketId}`) },
  {
    name: 'agent queue narrowed by a search',
    run: (db, f) =>
      listAgentQueue(db, { queue: 'all', filters: {}, sort: 'updated', cursor: null, limit: 25, clock: { agentId: 1, now: f.now, endOfToday: f.now + 3_600_000 }, ticketIds: [f.ticketId, 3, 5] }),
    boundedSort: 'only the tickets a search matched are sorted, at most SEARCH_MATCH_CAP (500) looked up by id',
  },
  // The automation runner's scans: each batch walks a due-time index from its cursor, never the table.
  { name: 'automations: waiting tickets, first batch', run: (db, f) => waitingTicketsBatch(db, { waitingBefore: f.now, cursor: null, limit: 200 }) },
  { name: 'automations: waiting tickets after one reminder', run: (db, f) => waitingTicketsBatch(db, { waitingBefore: f.now, reminderStage: 1, cursor: { at: f.now - 1000, id: 5 }, limit: 200 }) },
  { name: 'automations: waiting tickets, next batch', run: (db, f) => waitingTicketsBatch(db, { waitingBefore: f.now, cursor: { at: f.now - 1000, id: 5 }, limit: 200 }) },
  { name: 'automations: resolved tickets, first batch', run: (db, f) => resolvedTicketsBatch(db, { resolvedBefore: f.now, cursor: null, limit: 200 }) },
  { name: 'automations: resolved tickets, next batch', run: (db, f) => resolvedTicketsBatch(db, { resolvedBefore: f.now, cursor: { at: f.now - 1000, id: 5 }, limit: 200 }) },
  {
    name: 'agent queue counts',
    run: (db, f) => agentQueueCounts(db, { agentId: 1, now: f.now, endOfToday: f.now + 3_600_000 }),
    limitBoundedScan: true,
    uses: ['tickets_unclosed_assignee_idx', ...DUE_INDEXES],
  },
  { name: "a department's agents and their open tickets (normal assignment)", run: (db) => departmentAgentLoads(db, 1), uses: ['tickets_unclosed_assignee_idx'] },
];

/** SQLite's OFFSET, or the comma form LIMIT offset, count. */
const OFFSET = /\boffset\b|\blimit\s+\S+\s*,/i;

const NOW = TEST_NOW; // the demo data's moment
let db: Db;
let dispose: () => void;
let fixture: Fixture;

beforeEach(() => {
  ({ db, dispose } = createTestDatabase({ content: 'demo' }));
  const contact = findAccountByEmail(db, DEMO_ACCOUNTS.contact)!;
  insertSession(db, { tokenHash: 'plan-token', actorKind: 'contact', actorId: contact.id, createdAt: NOW, lastSeenAt: NOW, expiresAt: NOW + 1000 });
  // Plain SQL here: a hot query run now would prepare (and cache) its statement before the capture.
  const { id: ticketId } = db.$client.prepare('select id from tickets where requester_id = ? order by id limit 1').get(contact.id) as { id: number };
  fixture = { contactId: contact.id, ticketId, now: NOW };
});
afterEach(() => dispose());

/** Runs `fn` and returns every statement it ran on the connection, with the parameters it bound. */
function captureStatements(fn: () => unknown): { sql: string; params: unknown[] }[] {
  const sqlite = db.$client;
  const captured: { sql: string; params: unknown[] }[] = [];
  const prepare = sqlite.prepare;
  sqlite.prepare = ((source: string) => {
    const statement = prepare.call(sqlite, source);
    const proxy: any = new Proxy(statement, {
      get(target: any, prop) {
        const value = target[prop];
        if (typeof value !== 'function') return value;
        if (['all', 'get', 'run', 'iterate'].includes(prop as string)) {
          return (...params: unknown[]) => {
            captured.push({ sql: source, params });
            return value.apply(target, params);
          };
        }
        // raw(), pluck()… return the statement itself: keep returning the proxy.
        return (...args: unknown[]) => {
          const result = value.apply(target, args);
          return result === target ? proxy : result;
        };
      },
    });
    return proxy;
  }) as typeof sqlite.prepare;
  try {
    fn();
  } finally {
    sqlite.prepare = prepare;
  }
  return captured;
}

function planOf(statement: { sql: string; params: unknown[] }): string[] {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...(statement.params as never[])) as { detail: string }[];
  return rows.map((r) => r.detail);
}

describe('hot query plans', () => {
  it.each(HOT_QUERIES)('$name reads through an index, never a table scan, a sort or an OFFSET', (query) => {
    const statements = captureStatements(() => query.run(db, fixture)).filter((s) => !/^\s*(begin|commit|rollback)/i.test(s.sql));
    expect(statements.length, 'the query ran no statement').toBeGreaterThan(0);
    const used = new Set<string>();
    for (const statement of statements) {
      // Pages are keyset-based: an OFFSET reads and drops every row before the page.
      expect(statement.sql, 'OFFSET in a hot query').not.toMatch(OFFSET);
      const plan = planOf(statement);
      const where = `${statement.sql}\n  ${plan.join('\n  ')}`;
      if (process.env.SHOW_PLANS) console.log(query.name, where);
      for (const step of plan) {
        for (const [, index] of step.matchAll(/USING (?:COVERING )?INDEX (\w+)/g)) used.add(index!);
        if (!query.boundedSort) expect(step, where).not.toMatch(/TEMP B-TREE/);
        const scan = /^SCAN (tickets|messages)\b(.*)$/.exec(step);
        const bounded = query.limitBoundedScan && /\blimit\b/i.test(statement.sql);
        if (scan && !bounded) expect(query.indexWalk && scan[2]!.includes(`INDEX ${query.indexWalk}`), where).toBe(true);
      }
    }
    for (const index of query.uses ?? []) expect([...used], `${query.name} must use ${index}`).toContain(index);
  });

  it('catches an OFFSET page (the guard itself works)', () => {
    const paged = db.select().from(tickets).orderBy(desc(tickets.updatedAt)).limit(20).offset(40).toSQL().sql;
    expect(paged).toMatch(OFFSET);
  });

  it('catches a full scan and a sort (the guard itself works)', () => {
    const scan = planOf({ sql: 'select * from tickets where subject = ? order by created_at', params: ['x'] }).join('\n');
    expect(scan).toMatch(/^SCAN tickets/m);
    expect(scan).toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
