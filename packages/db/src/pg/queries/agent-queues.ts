import { TICKET_STATUSES, TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AGENT_QUEUES, QUEUE_COUNT_CAP, type AgentQueue, type QueueClock, type QueueCursor, type QueueFilters, type QueuePage, type QueueSort } from '../../queries/agent-queues.js';
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
    const after = cursor
      ? sort === 'updated'
        ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${sql.placeholder('cursorKey')}::bigint, ${sql.placeholder('cursorId')}::integer)`
        : sql`(${sort === 'due' ? dueKey : priorityKey}, ${tickets.id}) > (${sql.placeholder('cursorKey')}::bigint, ${sql.placeholder('cursorId')}::integer)`
      : undefined;
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
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { key: sort === 'updated' ? last.updatedAt : sort === 'due' ? (last.dueAt ?? NO_DUE) : priorityKeyOf(last), id: last.id } : null,
  };
}

/**
 * The queue tabs' counts, each capped at QUEUE_COUNT_CAP as on SQLite (the console shows "1000+"), in
 * one round trip: a scalar subquery a queue, each walking its own index as its page does.
 */
export async function agentQueueCountsPg(db: PgExecutor, clock: QueueClock, filters: QueueFilters = {}, ticketIds?: number[]): Promise<Record<AgentQueue, number>> {
  const names = presentFilters(filters);
  if (ticketIds) return searchQueueCountsPg(db, clock, filters, names, ticketIds);
  const query = builtOnce(db, `agentQueueCounts:${names.join(':')}`, () => {
    const cappedCount = (queue: AgentQueue) =>
      sql<number>`(SELECT count(*)::int FROM (SELECT 1 FROM ${tickets} WHERE ${and(queueCondition(queue), filterCondition(names)) ?? sql`true`} LIMIT ${sql.raw(String(QUEUE_COUNT_CAP))}) AS capped)`;
    return db
      .select(Object.fromEntries(AGENT_QUEUES.map((queue) => [queue, cappedCount(queue)])) as Record<AgentQueue, SQL<number>>)
      .from(sql`(VALUES (1)) AS one (x)`)
      .prepare(UNNAMED);
  });
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
