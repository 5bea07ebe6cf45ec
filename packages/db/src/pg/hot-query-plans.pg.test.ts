import { CUSTOMER_TABS } from '@atende/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketStateOf } from '../queries/tickets.js';
import type { PgDb } from './client.js';
import { listCompanyTicketsPg } from './queries/company-tickets.js';
import { heldMailOfTicketPg, lastMessageIdOfTicketPg } from './queries/held-mail.js';
import { AGENT_QUEUES } from '../queries/agent-queues.js';
import { agentQueueCountsPg, agentQueueWithCountsPg, listAgentQueuePg } from './queries/agent-queues.js';
import { customerServicesSincePg, departmentAgentLoadsPg, resolvedTicketsBatchPg, waitingTicketsBatchPg } from './queries/automation-scans.js';
import { searchCustomerTicketsPg } from './queries/customer-search.js';
import { listContactTicketsPg } from './queries/directory.js';
import { acquireLeasePg } from './queries/leases.js';
import { listNotificationsPg, unreadNotificationCountPg } from './queries/notifications.js';
import { claimDueMailPg, enqueueMailPg, firstMailMessageIdOfTicketPg, listOutboxPg, outboxForTicketPg } from './queries/outbox.js';
import { findSessionWithAccountPg } from './queries/sessions.js';
import { searchTicketIdsPg } from './queries/ticket-search.js';
import { otherRecentTicketsPg } from './queries/ticket-workspace.js';
import { attachmentsOfMessagesPg } from './queries/attachments.js';
import { ticketRatingsPg } from './queries/ratings.js';
import { customerTicketPagePg } from './queries/customer-ticket-page.js';
import { customerTabCountsTaggedPg, listCustomerTicketsTaggedPg } from './queries/tagged-panel-reads.js';
import { automaticActionsPg, latestClosingMergeTargetPg, ticketParticipantsPg, ticketThreadPg } from './queries/thread.js';
import { nextRatingDeadlineOfPg, panelStampOfPg, panelTagPartsOfPg } from './queries/panel-stamps.js';
import { changeTicketPg, customerTabCountsPg, getTicketPg, listCustomerTicketsPg } from './queries/tickets.js';
import { captureStatements, explainEach, nodesOf, type PlanCacheMode, type PlanNode } from './plan-testing.js';
import { createPgTestDatabase } from './testing.js';

/**
 * The PostgreSQL twin of queries/hot-query-plans.test.ts (issue 16): at 120k tickets, messages and outbox rows,
 * generated with INSERT … SELECT generate_series and then ANALYZEd (PostgreSQL plans by
 * statistics, so the data must be big enough for a scan to look cheap to a naive plan), every ported
 * hot query is run for real, the SQL it sends is captured and run again under EXPLAIN ANALYZE (in a
 * rolled-back transaction): no sequential scan of a table that grows with the history (BIG_TABLES), and no sort that spills to
 * disk. A query that sorts at all must say why the sort is bounded.
 */
const TICKETS = 120_000;
const CONTACTS = 2_000;
const BASE = Date.UTC(2026, 0, 1);
const NOW = BASE + TICKETS * 60_000;
/** Contact 1 files a fifth of all tickets: a big customer whose pages must still be index walks. */
const BIG_CONTACT = 1;

/** The tables that grow with the history: a hot query never scans one. */
const BIG_TABLES = ['tickets', 'messages', 'outbox', 'ticket_events', 'notifications', 'held_mail'];

interface HotQuery {
  name: string;
  run: (db: PgDb) => Promise<unknown>;
  /** Why a sort is bounded whatever the history's size. */
  boundedSort?: string;
  /** Why a sequential scan under a LIMIT reads a bounded number of rows (a capped count). */
  limitBoundedScan?: string;
}

const CLOCK = { agentId: 1, now: NOW, endOfToday: NOW + 3_600_000 };

const HOT_QUERIES: HotQuery[] = [
  { name: 'session lookup (every request)', run: (db) => findSessionWithAccountPg(db, 'plan-token') },
  { name: 'tab counts', run: (db) => customerTabCountsPg(db, BIG_CONTACT, NOW) },
  { name: "panel stamp (every panel refetch's 304 check)", run: (db) => panelStampOfPg(db, BIG_CONTACT) },
  { name: "next rating window to close (a panel answer's ETag)", run: (db) => nextRatingDeadlineOfPg(db, BIG_CONTACT, NOW) },
  { name: "a whole panel answer's tag parts (stamps and the next rating window, one read)", run: (db) => panelTagPartsOfPg(db, BIG_CONTACT, NOW) },
  ...CUSTOMER_TABS.flatMap((tab): HotQuery[] => [
    { name: `tab page: ${tab}`, run: (db) => listCustomerTicketsPg(db, { requesterId: BIG_CONTACT, tab, now: NOW, cursor: null, limit: 20 }) },
    {
      name: `tab page: ${tab}, next page`,
      run: (db) => listCustomerTicketsPg(db, { requesterId: BIG_CONTACT, tab, now: NOW, cursor: { updatedAt: BASE + (TICKETS / 2) * 60_000, id: TICKETS / 2 }, limit: 20 }),
    },
  ]),
  { name: 'tab counts with their tag (one read)', run: (db) => customerTabCountsTaggedPg(db, BIG_CONTACT, NOW) },
  ...(['all', 'awaiting_return', 'unrated'] as const).map(
    (tab): HotQuery => ({
      name: `tab page with its tag (one read): ${tab}`,
      run: (db) => listCustomerTicketsTaggedPg(db, { requesterId: BIG_CONTACT, tab, now: NOW, cursor: { updatedAt: BASE + (TICKETS / 2) * 60_000, id: TICKETS / 2 }, limit: 20 }),
      boundedSort: "the JSON array orders the page's own rows again: at most limit + 1",
    }),
  ),
  { name: 'ticket', run: (db) => getTicketPg(db, 4242) },
  {
    name: 'customer reply (write: row lock, version check, message, event)',
    run: (db) =>
      changeTicketPg(db, {
        ticketId: 4245,
        now: NOW,
        decide: (t) => ({
          ok: true,
          next: ticketStateOf(t),
          messages: [{ authorKind: 'contact', authorId: t.requesterId, visibility: 'public', body: 'oi', createdAt: NOW }],
        }),
      }),
  },
  {
    name: 'agent search (words: subjects and messages)',
    run: (db) => searchTicketIdsPg(db, 'conexao lenta'),
    boundedSort: 'sorts only the matches of the words (a GIN bitmap), top-N in memory for the LIMIT',
  },
  {
    name: 'agent search (prefix)',
    run: (db) => searchTicketIdsPg(db, 'rotea'),
    boundedSort: 'sorts only the matches of the prefix (a GIN bitmap), top-N in memory for the LIMIT',
  },
  {
    // On history whose words repeat, this was planned as a backward walk stemming every row: see
    // queries/ticket-search-plans.pg.test.ts, whose data shows it.
    name: 'agent search for a word no ticket has',
    run: (db) => searchTicketIdsPg(db, 'inexistente'),
    boundedSort: 'the tickets of one window whose messages match, made distinct',
  },
  {
    name: 'agent search by ticket number',
    run: (db) => searchTicketIdsPg(db, '#4242'),
    boundedSort: 'the number is also searched as a word: sorts only its matches, top-N in memory',
  },
  { name: 'outbox enqueue (dedupe)', run: (db) => db.transaction((tx) => enqueueMailPg(tx, { dedupeKey: 'plan:1', ticketId: 7, kind: 'k', toAddress: 'a@b.c', replyTo: null, subject: 's', textBody: 't', htmlBody: 'h', messageDomain: 'atende.test' }, NOW)) },
  { name: 'outbox claim (SKIP LOCKED)', run: (db) => claimDueMailPg(db, { now: NOW, leaseMs: 60_000, limit: 10 }) },
  { name: 'automation lease', run: (db) => acquireLeasePg(db, { name: 'automations', holder: 'plan', now: NOW, ttlMs: 60_000 }) },
  // The ticket page's reads (SQLite's guard has the same ones) and the other per-ticket lookups.
  { name: "the customer's ticket page (one read)", run: (db) => customerTicketPagePg(db, 4242, ['reminder_sent', 'auto_closed', 'approval_timeout', 'assigned_by_routing']) },
  { name: 'ticket participants', run: (db) => ticketParticipantsPg(db, 4242) },
  { name: 'ticket thread (customer)', run: (db) => ticketThreadPg(db, 4242, 'customer') },
  { name: 'ticket thread (staff)', run: (db) => ticketThreadPg(db, 4242, 'staff') },
  { name: "attachments of a thread's messages", run: (db) => attachmentsOfMessagesPg(db, [4242, 4243, 4244]), boundedSort: 'only the files of the messages asked for (one page of a thread) are sorted' },
  { name: "a closed ticket's merge target", run: (db) => latestClosingMergeTargetPg(db, 4242) },
  { name: "a ticket's ratings", run: (db) => ticketRatingsPg(db, 4242), boundedSort: 'one ticket’s ratings, one per closing, are sorted' },
  { name: "ticket's automatic actions (customer view)", run: (db) => automaticActionsPg(db, 4242, ['reminder_sent', 'auto_closed']) },
  { name: "the requester's other recent tickets", run: (db) => otherRecentTicketsPg(db, { id: 4245, requesterId: BIG_CONTACT }) },
  { name: "a company's tickets (manager)", run: (db) => listCompanyTicketsPg(db, { companyId: 1, cursor: null, limit: 20 }) },
  { name: "one requester's tickets (manager's filter)", run: (db) => listCompanyTicketsPg(db, { companyId: null, requesterId: BIG_CONTACT, cursor: null, limit: 20 }) },
  { name: "a ticket's held e-mails", run: (db) => heldMailOfTicketPg(db, 4242) },
  { name: "a ticket's newest message", run: (db) => lastMessageIdOfTicketPg(db, 4242) },
  { name: "a ticket's e-mails", run: (db) => outboxForTicketPg(db, 4242) },
  { name: "a ticket's first e-mail (threading)", run: (db) => firstMailMessageIdOfTicketPg(db, 4242) },
  { name: 'local mailbox page', run: (db) => listOutboxPg(db, { beforeId: null, limit: 50 }) },
  { name: 'local mailbox, next page', run: (db) => listOutboxPg(db, { beforeId: TICKETS / 2, limit: 50 }) },
  { name: "an agent's notifications", run: (db) => listNotificationsPg(db, { agentId: 1, beforeId: null, limit: 20 }) },
  { name: "an agent's unread count", run: (db) => unreadNotificationCountPg(db, 1) },
  ...AGENT_QUEUES.map((queue): HotQuery => ({
    name: `agent queue: ${queue}`,
    run: (db) => listAgentQueuePg(db, { queue, filters: {}, sort: 'updated', cursor: null, limit: 25, clock: CLOCK }),
    ...(queue === 'today' || queue === 'overdue' ? { boundedSort: 'only open tickets due by today are sorted: the queue a team empties every day, not the history' } : {}),
  })),
  // The console's answer: the settled queues' counts, then the page with the clocked counts.
  ...AGENT_QUEUES.map((queue): HotQuery => ({
    name: `agent queue with its counts: ${queue}`,
    run: (db) => agentQueueWithCountsPg(db, { queue, filters: {}, sort: 'updated', cursor: null, limit: 25, clock: CLOCK }),
    limitBoundedScan: '"Todos" counts any 1,000 tickets: the scan stops at the cap, as on SQLite',
    ...(queue === 'today' || queue === 'overdue' ? { boundedSort: 'only open tickets due by today are sorted: the queue a team empties every day, not the history' } : {}),
  })),
  ...(['priority', 'due'] as const).map(
    (sort): HotQuery => ({
      name: `agent queue "Todos" with its counts, by ${sort}, next page`,
      run: (db) => agentQueueWithCountsPg(db, { queue: 'all', filters: {}, sort, cursor: { key: sort === 'due' ? 9_000_000_000_000 : 20_000_000_000_000, id: 5 }, limit: 25, clock: CLOCK }),
      limitBoundedScan: '"Todos" counts any 1,000 tickets: the scan stops at the cap, as on SQLite',
    }),
  ),
  // "Todos" sorted by priority or due date: walked in the order of the sort's expression index.
  ...(['priority', 'due'] as const).flatMap((sort): HotQuery[] =>
    [null, { key: sort === 'due' ? 9_000_000_000_000 : 20_000_000_000_000, id: 5 }].map((cursor) => ({
      name: `agent queue "Todos" by ${sort}${cursor ? ', next page' : ''}`,
      run: (db) => listAgentQueuePg(db, { queue: 'all', filters: {}, sort, cursor, limit: 25, clock: CLOCK }),
    })),
  ),
  {
    name: 'agent queue, next page',
    run: (db) => listAgentQueuePg(db, { queue: 'mine', filters: {}, sort: 'updated', cursor: { key: BASE + (TICKETS / 2) * 60_000, id: TICKETS / 2 }, limit: 25, clock: CLOCK }),
  },
  {
    name: 'agent queue narrowed by a search',
    run: (db) => listAgentQueuePg(db, { queue: 'all', filters: {}, sort: 'updated', cursor: null, limit: 25, clock: CLOCK, ticketIds: [4242, 3, 5] }),
    boundedSort: 'only the tickets a search matched are sorted, at most SEARCH_MATCH_CAP (500) looked up by id',
  },
  {
    name: 'agent queue counts',
    run: (db) => agentQueueCountsPg(db, CLOCK),
    limitBoundedScan: '"Todos" counts any 1,000 tickets: the scan stops at the cap, as on SQLite',
  },
  { name: 'automations: waiting tickets, first batch', run: (db) => waitingTicketsBatchPg(db, { waitingBefore: NOW, cursor: null, limit: 200 }) },
  { name: 'automations: waiting tickets after one reminder', run: (db) => waitingTicketsBatchPg(db, { waitingBefore: NOW, reminderStage: 1, cursor: { at: NOW - 1000, id: 5 }, limit: 200 }) },
  { name: 'automations: waiting tickets, next batch', run: (db) => waitingTicketsBatchPg(db, { waitingBefore: NOW, cursor: { at: NOW - 1000, id: 5 }, limit: 200 }) },
  { name: 'automations: resolved tickets, first batch', run: (db) => resolvedTicketsBatchPg(db, { resolvedBefore: NOW, cursor: null, limit: 200 }) },
  { name: 'automations: resolved tickets, next batch', run: (db) => resolvedTicketsBatchPg(db, { resolvedBefore: NOW, cursor: { at: NOW - 1000, id: 5 }, limit: 200 }) },
  {
    name: "routing: a customer's services today",
    run: (db) => customerServicesSincePg(db, { companyId: null, requesterId: 7, since: NOW - 86_400_000 }),
    boundedSort: "sorts only the customer's own agent messages",
  },
  {
    name: "routing: a department's agents and loads",
    run: (db) => departmentAgentLoadsPg(db, 1),
    boundedSort: "sorts only the department's active agents (the team, not the tickets)",
  },
  {
    name: "the customer's search",
    run: (db) => searchCustomerTicketsPg(db, { requesterId: BIG_CONTACT, input: 'conexao lenta' }),
    boundedSort: "sorts only the customer's matches (GIN bitmap), top-N for the LIMIT",
  },
  { name: "a contact's latest tickets", run: (db) => listContactTicketsPg(db, [BIG_CONTACT]) },
];

/**
 * Reads PostgreSQL plans anew on every request (their parameters decide the index, so it keeps no
 * generic plan): a join among their tables multiplies the planner's work, which cost more than running
 * them (agent-queues.ts). Their names come from scalar subqueries by primary key instead.
 */
const PLANNED_EACH_TIME: HotQuery[] = [
  ...(['all', 'today', 'mine'] as const).map((queue): HotQuery => ({
    name: `agent queue: ${queue}`,
    run: (db) => listAgentQueuePg(db, { queue, filters: {}, sort: 'updated', cursor: null, limit: 25, clock: CLOCK }),
  })),
  { name: "the customer's ticket page", run: (db) => customerTicketPagePg(db, 4242, ['reminder_sent', 'auto_closed']) },
];

/** The plan's nodes outside its scalar subqueries: the statement's own FROM. */
function nodesOfMainQuery(node: PlanNode): PlanNode[] {
  const children = (node.Plans ?? []).filter((child) => child['Parent Relationship'] !== 'SubPlan' && child['Parent Relationship'] !== 'InitPlan');
  return [node, ...children.flatMap(nodesOfMainQuery)];
}

/** The plan's nodes that no Limit node bounds. */
function nodesOutsideLimit(node: PlanNode): PlanNode[] {
  return node['Node Type'] === 'Limit' ? [] : [node, ...(node.Plans ?? []).flatMap(nodesOutsideLimit)];
}

let db: PgDb;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, dispose } = await createPgTestDatabase());
  const q = (text: string) => db.$client.query(text);
  // Bulk load as a restore would: the secondary indexes (their definitions read back from the
  // catalog, so they are exactly the migrated ones) are dropped, and built once after the load
  // instead of row by row; primary keys and unique indexes stay.
  const { rows: secondary } = await db.$client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid IN ('tickets'::regclass, 'messages'::regclass, 'outbox'::regclass) AND NOT i.indisunique`,
  );
  for (const index of secondary) await q(`DROP INDEX ${index.name}`);
  await q(`INSERT INTO departments (name) VALUES ('Suporte'), ('Financeiro'), ('Instalação')`);
  await q(`INSERT INTO agents (name, email, created_at) VALUES ('Agente', 'agente@example.com', ${BASE})`);
  await q(`INSERT INTO contacts (name, email, created_at) SELECT 'Cliente ' || i, 'cliente' || i || '@example.com', ${BASE} FROM generate_series(1, ${CONTACTS}) i`);
  // Statuses in turn; every 7th closed ticket still awaits its rating; one subject in a hundred is about a slow connection.
  await q(
    `INSERT INTO tickets (subject, requester_id, department_id, status, origin, created_at, updated_at, rating_due_until, assignee_id)
     SELECT CASE WHEN i % 100 = 0 THEN 'Conexão lenta ' || i WHEN i % 100 = 1 THEN 'Roteador desligando ' || i ELSE 'Pedido de serviço ' || i END,
            CASE WHEN i % 5 = 0 THEN ${BIG_CONTACT} ELSE 2 + i % ${CONTACTS - 1} END,
            1 + i % 3,
            (ARRAY['new','open','pending','onsite_visit','waiting_customer','resolved','closed'])[1 + i % 7],
            'portal', ${BASE} + i::bigint * 60000, ${BASE} + i::bigint * 60000,
            CASE WHEN i % 7 = 6 AND i % 2 = 0 THEN ${NOW} + 86400000 END,
            CASE WHEN i % 3 = 0 THEN 1 END
       FROM generate_series(1, ${TICKETS}) i`,
  );
  await q(
    `INSERT INTO messages (ticket_id, author_kind, author_id, visibility, body, created_at)
     SELECT i, 'contact', 1, 'public', CASE WHEN i % 50 = 0 THEN 'A conexão continua lenta' ELSE 'Mensagem número ' || i END, ${BASE} + i::bigint * 60000
       FROM generate_series(1, ${TICKETS}) i`,
  );
  // A relay's history: delivered mail piles up, a few messages are due.
  await q(
    `INSERT INTO outbox (dedupe_key, ticket_id, kind, to_address, subject, text_body, html_body, message_id, status, attempts, next_attempt_at, created_at, sent_at)
     SELECT 'bulk:' || i, i, 'reply', 'c@example.com', 's', 't', 'h', '<' || i || '@atende.local>',
            CASE WHEN i % 1000 = 0 THEN 'pending' ELSE 'sent' END, 1, ${BASE} + i::bigint * 60000, ${BASE} + i::bigint * 60000,
            CASE WHEN i % 1000 = 0 THEN NULL ELSE ${BASE} + i::bigint * 60000 END
       FROM generate_series(1, ${TICKETS}) i`,
  );
  // Every ticket's history starts with its creation; every tenth got a reminder. The one agent has a
  // notification per ticket (a tenth unread); every hundredth ticket holds an e-mail.
  await q(
    `INSERT INTO ticket_events (ticket_id, actor_kind, actor_id, type, to_status, data, created_at)
     SELECT i, 'contact', 1, 'created', 'new', '{"origin":"portal"}'::jsonb, ${BASE} + i::bigint * 60000 FROM generate_series(1, ${TICKETS}) i
     UNION ALL
     SELECT i, 'system', NULL, 'reminder_sent', NULL::text, '{"stage":1,"daysLeft":3}'::jsonb, ${BASE} + i::bigint * 60000 + 1 FROM generate_series(10, ${TICKETS}, 10) i`,
  );
  await q(
    `INSERT INTO notifications (agent_id, ticket_id, kind, ticket_version, created_at, read_at)
     SELECT 1, i, 'new_ticket', 1, ${BASE} + i::bigint * 60000, CASE WHEN i % 10 <> 0 THEN ${BASE} + i::bigint * 60000 END FROM generate_series(1, ${TICKETS}) i`,
  );
  await q(
    `INSERT INTO held_mail (ticket_id, from_address, body, reason, mail_message_id, received_at)
     SELECT i, 'x@example.org', 'corpo', 'unknown_sender', '<held' || i || '@example.org>', ${BASE} + i::bigint * 60000 FROM generate_series(100, ${TICKETS}, 100) i`,
  );
  await q(`INSERT INTO sessions (token_hash, actor_kind, actor_id, created_at, last_seen_at, expires_at) VALUES ('plan-token', 'contact', 1, ${BASE}, ${BASE}, ${NOW})`);
  for (const index of secondary) await q(index.definition);
  expect(secondary.length).toBeGreaterThanOrEqual(14);
  await q(`VACUUM ANALYZE`);
}, 600_000);
afterAll(() => dispose?.());

describe(`PostgreSQL hot-query plans at ${TICKETS / 1000}k tickets`, () => {
  it.each(PLANNED_EACH_TIME)('$name: reads one table, its names by subquery (no join to plan)', async (hot) => {
    const queries = await captureStatements(db, hot.run, { rollBack: true });
    expect(queries.length, 'the query ran and was captured').toBeGreaterThan(0);
    for await (const { plan, context } of explainEach(db, queries, { prepared: 'force_custom_plan' })) {
      const joins = nodesOfMainQuery(plan).filter((n) => /Join|Nested Loop/.test(n['Node Type']));
      expect(joins.map((n) => n['Node Type']), context).toEqual([]);
      expect(nodesOf(plan).some((n) => n['Parent Relationship'] === 'SubPlan'), context).toBe(true);
    }
  });

  it('holds the data the plans are judged on', async () => {
    const { rows } = await db.$client.query<{ tickets: number; messages: number }>(
      `SELECT (SELECT count(*) FROM tickets)::int AS tickets, (SELECT count(*) FROM messages)::int AS messages`,
    );
    expect(rows[0]!.tickets).toBeGreaterThanOrEqual(100_000);
    expect(rows[0]!.messages).toBeGreaterThanOrEqual(100_000);
  });

  // Each plan twice: the custom plan made for the values (what an unnamed query gets), and the generic
  // plan a prepared statement may settle on after five runs (the server's pool prepares every query
  // text, store/pg-connection.ts; PostgreSQL then keeps the generic plan unless it looks costlier).
  describe.each<[string, PlanCacheMode]>([
    ['for its values', 'force_custom_plan'],
    ['as the generic plan of its prepared statement', 'force_generic_plan'],
  ])('planned %s', (_label, planCacheMode) => {
    it.each(HOT_QUERIES)('$name: no sequential scan of a big table, no sort spilled to disk', async (hot) => {
      // Not rolled back, as this guard always ran: a write commits, and its generic-plan run then starts
      // from the custom-plan run's result (the next ticket version, the mail still due).
      const queries = await captureStatements(db, hot.run, { rollBack: false });
      expect(queries.length, 'the query ran and was captured').toBeGreaterThan(0);

      for await (const { plan, context } of explainEach(db, queries, { prepared: planCacheMode })) {
        const nodes = nodesOf(plan);
        const scans = (hot.limitBoundedScan ? nodesOutsideLimit(plan) : nodes).filter(
          (n) => n['Node Type'] === 'Seq Scan' && BIG_TABLES.includes(n['Relation Name'] ?? ''),
        );
        expect(scans, context).toEqual([]);
        const sorts = nodes.filter((n) => n['Node Type'] === 'Sort' || n['Node Type'] === 'Incremental Sort');
        expect(sorts.filter((n) => n['Sort Space Type'] === 'Disk' || /external/i.test(n['Sort Method'] ?? '')), context).toEqual([]);
        if (!hot.boundedSort) expect(sorts.map((n) => n['Node Type']), context).toEqual([]);
      }
    });
  });
});
