import { TICKET_STATUSES, TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import {
  AGENT_QUEUES,
  QUEUE_COUNT_CAP,
  type AgentQueue,
  type QueueClock,
  type QueueCursor,
  type QueueFilters,
  type QueueItem,
  type QueuePage,
  type QueueSort,
  type QueueWithCounts,
} from '../../queries/agent-queues.js';
import { NO_DUE, priorityKeyOf } from '../../queue-order.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { dueOrder, priorityOrder, ticketNotClosed, tickets } from '../schema.js';

/**
 * The agent console's queues on PostgreSQL: the twins of queries/agent-queues.ts, the same conditions
 * (each served by the same index) and the same sort keys, so pages and cursors are interchangeable.
 */
const dueKey = dueOrder(tickets);
const priorityKey = priorityOrder(tickets);
const todayStatuses = [...TODAY_WORK_STATUSES] as TicketStatus[];
const answerStatuses = TICKET_STATUSES.filter((s) => s !== 'closed' && s !== 'resolved');

/**
 * Each queue's condition, with placeholders (agentId, endOfToday, now): every variant is built once
 * (built-once.ts), and PostgreSQL prepares it once per connection.
 */
function queueCondition(queue: AgentQueue): SQL | undefined {
  switch (queue) {
    // "Not closed" is every open status (the status column's check constraint): the list of them that
    // SQLite's twin also names only cost PostgreSQL's planner 0.06 ms a query (EXPLAIN, session 17).
    case 'mine':
      return and(eq(tickets.assigneeId, sql.placeholder('agentId')), ticketNotClosed);
    case 'unassigned':
      return and(isNull(tickets.assigneeId), ticketNotClosed);
    case 'today':
      return or(
        and(inArray(tickets.status, todayStatuses), ticketNotClosed, lt(tickets.dueAt, sql.placeholder('endOfToday'))),
        and(inArray(tickets.status, answerStatuses), ticketNotClosed, lt(tickets.nextResponseDueAt, sql.placeholder('endOfToday'))),
      );
    case 'overdue':
      return or(
        and(inArray(tickets.status, todayStatuses), ticketNotClosed, lt(tickets.dueAt, sql.placeholder('now'))),
        and(inArray(tickets.status, answerStatuses), ticketNotClosed, lt(tickets.nextResponseDueAt, sql.placeholder('now'))),
      );
    case 'all':
      return undefined;
  }
}

const FILTER_COLUMNS = {
  status: tickets.status,
  priority: tickets.priority,
  departmentId: tickets.departmentId,
  origin: tickets.origin,
  assigneeId: tickets.assigneeId,
  companyId: tickets.companyId,
} as const satisfies Record<keyof QueueFilters, unknown>;

/** The filters given, in a fixed order: they name the query's variant and fill its placeholders. */
function presentFilters(filters: QueueFilters): (keyof QueueFilters)[] {
  return (Object.keys(FILTER_COLUMNS) as (keyof QueueFilters)[]).filter((name) => filters[name] !== undefined && filters[name] !== null);
}

function filterCondition(names: (keyof QueueFilters)[]): SQL | undefined {
  return and(...names.map((name) => eq(FILTER_COLUMNS[name], sql.placeholder(`filter_${name}`))));
}

/** The ids a search matched, as one array parameter (any number of them, one statement), as json_each does on SQLite. */
function amongIds(withIds: boolean): SQL | undefined {
  return withIds ? sql`${tickets.id} = ANY(${sql.placeholder('ticketIds')}::integer[])` : undefined;
}

/** The placeholders' values of a queue query. */
function queueValues(clock: QueueClock, filters: QueueFilters, names: (keyof QueueFilters)[], ticketIds: number[] | undefined) {
  return {
    agentId: clock.agentId,
    endOfToday: clock.endOfToday,
    now: clock.now,
    ...(ticketIds ? { ticketIds } : {}),
    ...Object.fromEntries(names.map((name) => [`filter_${name}`, filters[name]])),
  };
}

/**
 * The names on a page's rows, each a scalar subquery by primary key rather than a join. PostgreSQL plans
 * the list anew on most requests (its parameters decide the index), and a five-table join cost it 0.7 ms
 * of planning against 0.15 ms of execution (EXPLAIN at 200k tickets, session 17); as subqueries the plan
 * is one table's, 0.07 ms. Each runs once per row returned, by primary key: 26 rows, 104 lookups.
 * Each is wrapped once more where it is selected (sql`${X}`): drizzle leaves a lone table's columns
 * unqualified at the top level of a selected fragment, where "id" would be the subquery's own.
 */
const DEPARTMENT_NAME = sql`(SELECT d.name FROM departments d WHERE d.id = ${tickets.departmentId})`;
const ASSIGNEE_NAME = sql`(SELECT a.name FROM agents a WHERE a.id = ${tickets.assigneeId})`;
const REQUESTER_NAME = sql`(SELECT c.name FROM contacts c WHERE c.id = ${tickets.requesterId})`;
const COMPANY_NAME = sql`(SELECT co.name FROM companies co WHERE co.id = ${tickets.companyId})`;

export async function listAgentQueuePg(
  db: PgExecutor,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): Promise<QueuePage> {
  const { sort, cursor, limit, queue, clock, ticketIds } = params;
  const filters = presentFilters(params.filters);
  const variant = [queue, sort, cursor ? 'after' : 'first', ticketIds ? 'ids' : 'any', ...filters].join(':');
  const query = builtOnce(db, `listAgentQueue:${variant}`, () => {
    const after = cursor ? afterCursor(sort) : undefined;
    return db
      .select({
        id: tickets.id,
        subject: tickets.subject,
        status: tickets.status,
        priority: tickets.priority,
        origin: tickets.origin,
        departmentName: sql<string | null>`${DEPARTMENT_NAME}`,
        assigneeName: sql<string | null>`${ASSIGNEE_NAME}`,
        requesterName: sql<string>`${REQUESTER_NAME}`,
        companyName: sql<string | null>`${COMPANY_NAME}`,
        dueAt: tickets.dueAt,
        updatedAt: tickets.updatedAt,
        version: tickets.version,
        customerRepliedAt: tickets.customerRepliedAt,
      })
      .from(tickets)
      .where(and(queueCondition(queue), filterCondition(filters), amongIds(ticketIds !== undefined), after))
      .orderBy(...(sort === 'updated' ? [desc(tickets.updatedAt), desc(tickets.id)] : sort === 'due' ? [asc(dueKey), asc(tickets.id)] : [asc(priorityKey), asc(tickets.id)]))
      .limit(sql.placeholder('limit'))
      .prepare(UNNAMED);
  });
  const rows = await query.execute({ ...queueValues(clock, params.filters, filters, ticketIds), cursorKey: cursor?.key, cursorId: cursor?.id, limit: limit + 1 });
  return queuePageOf(rows, sort, limit);
}

/** The page of the rows read (one more than the page when another follows), its cursor on the sort's key. */
function queuePageOf(rows: QueueItem[], sort: QueueSort, limit: number): QueuePage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { key: sort === 'updated' ? last.updatedAt : sort === 'due' ? (last.dueAt ?? NO_DUE) : priorityKeyOf(last), id: last.id } : null,
  };
}

/** The condition a page continues from: after the cursor in the sort's order. */
function afterCursor(sort: QueueSort): SQL {
  return sort === 'updated'
    ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${sql.placeholder('cursorKey')}::bigint, ${sql.placeholder('cursorId')}::integer)`
    : sql`(${sort === 'due' ? dueKey : priorityKey}, ${tickets.id}) > (${sql.placeholder('cursorKey')}::bigint, ${sql.placeholder('cursorId')}::integer)`;
}

/** A queue's count, capped at QUEUE_COUNT_CAP, as a scalar subquery walking the queue's own index. */
function cappedCount(queue: AgentQueue, names: (keyof QueueFilters)[]): SQL<number> {
  return sql<number>`(SELECT count(*)::int FROM (SELECT 1 FROM ${tickets} WHERE ${and(queueCondition(queue), filterCondition(names)) ?? sql`true`} LIMIT ${sql.raw(String(QUEUE_COUNT_CAP))}) AS capped)`;
}

/** The queues whose membership needs no clock: their counts' plan is the same for every request. */
const SETTLED_QUEUES = ['mine', 'unassigned', 'all'] as const satisfies readonly AgentQueue[];
/** The queues measured against the clock (tonight, now): planned for each request's values. */
const CLOCKED_QUEUES = ['today', 'overdue'] as const satisfies readonly AgentQueue[];

/**
 * The console's answer in two statements planned apart (queries/agent-queues.ts agentQueueWithCounts).
 * PostgreSQL plans a statement for its values while a generic plan looks costlier, and a queue bound
 * by "tonight" or "now" keeps it doing so on every request (a generic plan cannot know how many
 * tickets are due). The statement's cost was mostly that planning (0.55 ms for the five counts,
 * against 0.15 ms to run the page; statement log at 200k tickets). So:
 * - the counts of "mine", "unassigned" and "Todos" are one statement of their own, whose generic plan
 *   PostgreSQL keeps after five runs (the same index walks);
 * - the page and the clocked counts are the other, planned each time: the page as one JSON array,
 *   ordered again over its own rows (at most limit + 1), the names by primary key as in listAgentQueuePg.
 *   With "mine", "unassigned" or "Todos" its only clocked parts are the counts, and PostgreSQL may keep
 *   a generic plan for it too: the same index walk, the page's size being written in the statement.
 * A search's matches keep listAgentQueuePg and agentQueueCountsPg (their ids are a parameter too).
 */
export async function agentQueueWithCountsPg(
  db: PgExecutor,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): Promise<QueueWithCounts> {
  const { queue, sort, cursor, limit, clock, ticketIds } = params;
  if (ticketIds) return { page: await listAgentQueuePg(db, params), counts: await agentQueueCountsPg(db, clock, params.filters, ticketIds) };
  const names = presentFilters(params.filters);
  const values = queueValues(clock, params.filters, names, undefined);
  const settled = builtOnce(db, `agentQueueCounts:settled:${names.join(':')}`, () =>
    db
      .select(Object.fromEntries(SETTLED_QUEUES.map((q) => [q, cappedCount(q, names)])) as Record<(typeof SETTLED_QUEUES)[number], SQL<number>>)
      .from(sql`(VALUES (1)) AS one (x)`)
      .prepare(UNNAMED),
  );
  // The page's size is written into the statement, not a parameter: planned for an unknown LIMIT,
  // PostgreSQL would sort a tenth of the tickets instead of walking the sort's index (the plan guard
  // saw it under force_generic_plan). Callers ask for a handful of sizes (the console's 25).
  if (!Number.isSafeInteger(limit) || limit < 1) throw new Error(`a queue page holds a positive whole number of tickets, not ${limit}`);
  const variant = [queue, sort, cursor ? 'after' : 'first', limit, ...names].join(':');
  const paged = builtOnce(db, `agentQueuePage:${variant}`, () => {
    const key = sort === 'updated' ? sql`${tickets.updatedAt}` : sort === 'due' ? dueKey : priorityKey;
    const direction = sql.raw(sort === 'updated' ? 'DESC' : 'ASC');
    const rows = sql`(SELECT ${tickets.id} AS id, ${tickets.subject} AS subject, ${tickets.status} AS status, ${tickets.priority} AS priority,
        ${tickets.origin} AS origin, ${tickets.departmentId} AS department_id, ${tickets.assigneeId} AS assignee_id,
        ${tickets.requesterId} AS requester_id, ${tickets.companyId} AS company_id, ${tickets.dueAt} AS due_at,
        ${tickets.updatedAt} AS updated_at, ${tickets.version} AS version, ${tickets.customerRepliedAt} AS customer_replied_at, ${key} AS sort_key
      FROM ${tickets} WHERE ${and(queueCondition(queue), filterCondition(names), cursor ? afterCursor(sort) : undefined) ?? sql`true`}
      ORDER BY ${key} ${direction}, ${tickets.id} ${direction} LIMIT ${sql.raw(String(limit + 1))})`;
    const page = sql`(SELECT coalesce(json_agg(json_build_object(
        'id', p.id, 'subject', p.subject, 'status', p.status, 'priority', p.priority, 'origin', p.origin,
        'departmentName', (SELECT d.name FROM departments d WHERE d.id = p.department_id),
        'assigneeName', (SELECT a.name FROM agents a WHERE a.id = p.assignee_id),
        'requesterName', (SELECT c.name FROM contacts c WHERE c.id = p.requester_id),
        'companyName', (SELECT co.name FROM companies co WHERE co.id = p.company_id),
        'dueAt', p.due_at, 'updatedAt', p.updated_at, 'version', p.version, 'customerRepliedAt', p.customer_replied_at)
        ORDER BY p.sort_key ${direction}, p.id ${direction}), '[]'::json)
      FROM ${rows} AS p)`;
    return db
      .select({
        ...(Object.fromEntries(CLOCKED_QUEUES.map((q) => [q, cappedCount(q, names)])) as Record<(typeof CLOCKED_QUEUES)[number], SQL<number>>),
        page: sql<QueueItem[]>`${page}`,
      })
      .from(sql`(VALUES (1)) AS one (x)`)
      .prepare(UNNAMED);
  });
  const [settledRow] = await settled.execute(values);
  const [pagedRow] = await paged.execute({ ...values, cursorKey: cursor?.key, cursorId: cursor?.id });
  return {
    page: queuePageOf(pagedRow!.page, sort, limit),
    counts: { mine: settledRow!.mine, unassigned: settledRow!.unassigned, today: pagedRow!.today, overdue: pagedRow!.overdue, all: settledRow!.all },
  };
}

/**
 * The queue tabs' counts, each capped at QUEUE_COUNT_CAP as on SQLite (the console shows "1000+"), in
 * one round trip: a scalar subquery a queue, each walking its own index as its page does.
 */
export async function agentQueueCountsPg(db: PgExecutor, clock: QueueClock, filters: QueueFilters = {}, ticketIds?: number[]): Promise<Record<AgentQueue, number>> {
  const names = presentFilters(filters);
  if (ticketIds) return searchQueueCountsPg(db, clock, filters, names, ticketIds);
  const query = builtOnce(db, `agentQueueCounts:${names.join(':')}`, () =>
    db
      .select(Object.fromEntries(AGENT_QUEUES.map((queue) => [queue, cappedCount(queue, names)])) as Record<AgentQueue, SQL<number>>)
      .from(sql`(VALUES (1)) AS one (x)`)
      .prepare(UNNAMED),
  );
  const [row] = await query.execute(queueValues(clock, filters, names, undefined));
  return Object.fromEntries(AGENT_QUEUES.map((queue) => [queue, row?.[queue] ?? 0])) as Record<AgentQueue, number>;
}

/**
 * Within a search's matches (at most SEARCH_MATCH_CAP, each looked up by id) every queue is counted in
 * one pass over them, as on SQLite: five subqueries looked the same tickets up five times (9.9 ms of
 * the console's search at 200k tickets, scratch measurement).
 */
async function searchQueueCountsPg(db: PgExecutor, clock: QueueClock, filters: QueueFilters, names: (keyof QueueFilters)[], ticketIds: number[]): Promise<Record<AgentQueue, number>> {
  const query = builtOnce(db, `agentQueueCounts:search:${names.join(':')}`, () =>
    db
      .select(
        Object.fromEntries(
          AGENT_QUEUES.map((queue) => {
            const condition = queueCondition(queue);
            return [queue, condition ? sql<number>`(count(*) FILTER (WHERE ${condition}))::int` : sql<number>`count(*)::int`];
          }),
        ) as Record<AgentQueue, SQL<number>>,
      )
      .from(tickets)
      .where(and(filterCondition(names), amongIds(true)))
      .prepare(UNNAMED),
  );
  const [row] = await query.execute(queueValues(clock, filters, names, ticketIds));
  return Object.fromEntries(AGENT_QUEUES.map((queue) => [queue, Math.min(row?.[queue] ?? 0, QUEUE_COUNT_CAP)])) as Record<AgentQueue, number>;
}
