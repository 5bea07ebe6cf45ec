import { TICKET_STATUSES, TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, companies, contacts, departments, dueOrder, priorityOrder, ticketNotClosed, tickets } from '../schema.js';
import { cached } from './prepared.js';
import { NO_DUE, priorityKeyOf } from '../queue-order.js';

/** The agent console's queues (seed 001 §3 "trabalho de hoje"). */
export const AGENT_QUEUES = ['mine', 'unassigned', 'today', 'overdue', 'all'] as const;
export type AgentQueue = (typeof AGENT_QUEUES)[number];
export const QUEUE_SORTS = ['updated', 'due', 'priority'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

export interface QueueFilters {
  status?: TicketStatus | undefined;
  priority?: (typeof tickets.$inferSelect)['priority'] | undefined;
  departmentId?: number | undefined;
  origin?: (typeof tickets.$inferSelect)['origin'] | undefined;
  assigneeId?: number | undefined;
  companyId?: number | undefined;
}

/** The clock values a queue reads: "now" (overdue) and the end of the company's today. */
export interface QueueClock {
  agentId: number;
  now: number;
  endOfToday: number;
}

/** Keyset cursor over the sort key (updated_at, or due_at with "no date" last) and the id. */
export interface QueueCursor {
  key: number;
  id: number;
}

const dueKey = dueOrder(tickets);
const priorityKey = priorityOrder(tickets);
const todayStatuses = [...TODAY_WORK_STATUSES] as TicketStatus[];
/** "Not closed" as a list, so (assignee, status) is sought per status instead of walking closed history. */
const openStatuses = TICKET_STATUSES.filter((s) => s !== 'closed');
/** Where a customer's message can wait for an answer (a resolved or closed ticket the customer wrote to is reopened). */
const answerStatuses = TICKET_STATUSES.filter((s) => s !== 'closed' && s !== 'resolved');

/**
 * Each queue is a condition one index serves: mine/unassigned → tickets_unclosed_assignee_idx, today/overdue
 * → tickets_unclosed_due_idx and tickets_unclosed_response_due_idx (status IN … AND due_at < x), all → tickets_activity_idx. Values are
 * placeholders (agentId, endOfToday, now): each statement is prepared once and reused.
 */
function queueCondition(queue: AgentQueue): SQL | undefined {
  switch (queue) {
    case 'mine':
      return and(eq(tickets.assigneeId, sql.placeholder('agentId')), inArray(tickets.status, openStatuses), ticketNotClosed);
    case 'unassigned':
      return and(isNull(tickets.assigneeId), inArray(tickets.status, openStatuses), ticketNotClosed);
    // Resolution due (seed 001) or an answer due to a customer who wrote ("Cliente respondeu"): each
    // side of the OR is one range of its own (status, due) index. SQLite plans each side with its own
    // terms only, so each states the partial indexes' condition.
    case 'today':
      return or(and(inArray(tickets.status, todayStatuses), ticketNotClosed, lt(tickets.dueAt, sql.placeholder('endOfToday'))), and(inArray(tickets.status, answerStatuses), ticketNotClosed, lt(tickets.nextResponseDueAt, sql.placeholder('endOfToday'))));
    case 'overdue':
      return or(and(inArray(tickets.status, todayStatuses), ticketNotClosed, lt(tickets.dueAt, sql.placeholder('now'))), and(inArray(tickets.status, answerStatuses), ticketNotClosed, lt(tickets.nextResponseDueAt, sql.placeholder('now'))));
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

/** The filters given, in a fixed order: they name the statement variant and fill its placeholders. */
function presentFilters(f: QueueFilters): (keyof QueueFilters)[] {
  return (Object.keys(FILTER_COLUMNS) as (keyof QueueFilters)[]).filter((name) => f[name] !== undefined && f[name] !== null);
}

function filterCondition(names: (keyof QueueFilters)[]): SQL | undefined {
  return and(...names.map((name) => eq(FILTER_COLUMNS[name], sql.placeholder(`filter_${name}`))));
}

export interface QueueItem {
  id: number;
  subject: string;
  status: TicketStatus;
  priority: (typeof tickets.$inferSelect)['priority'];
  origin: (typeof tickets.$inferSelect)['origin'];
  departmentName: string | null;
  assigneeName: string | null;
  requesterName: string;
  companyName: string | null;
  dueAt: number | null;
  updatedAt: number;
  /** For a bulk action's per-ticket version check. */
  version: number;
  /** Set while a customer's message waits for an answer: the row shows "Cliente respondeu". */
  customerRepliedAt: number | null;
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: QueueCursor | null;
}

export function listAgentQueue(
  db: Db,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): QueuePage {
  const { sort, cursor, limit, queue, clock, ticketIds } = params;
  const filters = presentFilters(params.filters);
  const variant = [queue, sort, cursor ? 'after' : 'first', ticketIds ? 'ids' : 'any', ...filters].join(':');
  const query = cached(db, `listAgentQueue:${variant}`, () => {
    const after = cursor
      ? sort === 'updated'
        ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${sql.placeholder('cursorKey')}, ${sql.placeholder('cursorId')})`
        : sql`(${sort === 'due' ? dueKey : priorityKey}, ${tickets.id}) > (${sql.placeholder('cursorKey')}, ${sql.placeholder('cursorId')})`
      : undefined;
    const order = sort === 'updated' ? [desc(tickets.updatedAt), desc(tickets.id)] : sort === 'due' ? [asc(dueKey), asc(tickets.id)] : [asc(priorityKey), asc(tickets.id)];
    const where = and(queueCondition(queue), filterCondition(filters), after);
    const columns = {
      id: tickets.id,
      subject: tickets.subject,
      status: tickets.status,
      priority: tickets.priority,
      origin: tickets.origin,
      departmentName: departments.name,
      assigneeName: agents.name,
      requesterName: contacts.name,
      companyName: companies.name,
      dueAt: tickets.dueAt,
      updatedAt: tickets.updatedAt,
      version: tickets.version,
      customerRepliedAt: tickets.customerRepliedAt,
    };
    if (ticketIds) {
      // The ids a search matched (up to SEARCH_MATCH_CAP) have no index order to walk, so they are
      // sorted; the page is chosen on the ticket rows alone, and only its rows are joined to names.
      const page = db
        .select({ pageId: tickets.id })
        .from(tickets)
        .where(and(where, sql`${tickets.id} IN (SELECT value FROM json_each(${sql.placeholder('ticketIds')}))`))
        .orderBy(...order)
        .limit(sql.placeholder('limit'))
        .as('page');
      return db
        .select(columns)
        .from(page)
        .innerJoin(tickets, eq(tickets.id, page.pageId))
        .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
        .leftJoin(departments, eq(departments.id, tickets.departmentId))
        .leftJoin(agents, eq(agents.id, tickets.assigneeId))
        .leftJoin(companies, eq(companies.id, tickets.companyId))
        .orderBy(...order)
        .prepare();
    }
    return db
      .select(columns)
      .from(tickets)
      .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
      .leftJoin(departments, eq(departments.id, tickets.departmentId))
      .leftJoin(agents, eq(agents.id, tickets.assigneeId))
      .leftJoin(companies, eq(companies.id, tickets.companyId))
      .where(where)
      .orderBy(...order)
      .limit(sql.placeholder('limit'))
      .prepare();
  });
  const rows = query.all({
    agentId: clock.agentId,
    endOfToday: clock.endOfToday,
    now: clock.now,
    ...Object.fromEntries(filters.map((name) => [`filter_${name}`, params.filters[name]])),
    ...(ticketIds ? { ticketIds: JSON.stringify(ticketIds) } : {}),
    ...(cursor ? { cursorKey: cursor.key, cursorId: cursor.id } : {}),
    limit: limit + 1,
  });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { key: sort === 'updated' ? last.updatedAt : sort === 'due' ? (last.dueAt ?? NO_DUE) : priorityKeyOf(last), id: last.id } : null,
  };
}

/**
 * How many tickets each queue holds under the active filters (and search): the numbers on the queue
 * tabs, so a tab's count is what the tab would list.
 * Counts stop at QUEUE_COUNT_CAP: SQLite keeps no row counts, so an exact "Todos" would read every ticket
 * on every page load; past the cap the console shows "1000+".
 */
export const QUEUE_COUNT_CAP = 1000;

export function agentQueueCounts(db: Db, clock: QueueClock, filters: QueueFilters = {}, ticketIds?: number[]): Record<AgentQueue, number> {
  const present = presentFilters(filters);
  const values = {
    agentId: clock.agentId,
    endOfToday: clock.endOfToday,
    now: clock.now,
    ...Object.fromEntries(present.map((name) => [`filter_${name}`, filters[name]])),
  };
  if (ticketIds) return searchQueueCounts(db, present, { ...values, ticketIds: JSON.stringify(ticketIds) });
  const counts = {} as Record<AgentQueue, number>;
  for (const queue of AGENT_QUEUES) {
    const variant = [queue, ...present].join(':');
    const query = cached(db, `agentQueueCount:${variant}`, () => {
      const capped = db
        .select({ one: sql`1` })
        .from(tickets)
        .where(and(queueCondition(queue), filterCondition(present)))
        .limit(QUEUE_COUNT_CAP)
        .as('capped');
      return db.select({ n: sql<number>`count(*)` }).from(capped).prepare();
    });
    counts[queue] = query.get(values)?.n ?? 0;
  }
  return counts;
}

/**
 * Within a search's matches (at most SEARCH_MATCH_CAP, each looked up by id) every queue is counted in
 * one pass over them: five statements would look up the same tickets five times.
 */
function searchQueueCounts(db: Db, present: (keyof QueueFilters)[], values: Record<string, unknown>): Record<AgentQueue, number> {
  const query = cached(db, `agentQueueCount:search:${present.join(':')}`, () =>
    db
      .select(
        Object.fromEntries(
          AGENT_QUEUES.map((queue) => {
            const condition = queueCondition(queue);
            return [queue, condition ? sql<number>`count(CASE WHEN ${condition} THEN 1 END)` : sql<number>`count(*)`];
          }),
        ) as Record<AgentQueue, SQL<number>>,
      )
      .from(tickets)
      .where(and(filterCondition(present), sql`${tickets.id} IN (SELECT value FROM json_each(${sql.placeholder('ticketIds')}))`))
      .prepare(),
  );
  const row = query.get(values);
  return Object.fromEntries(AGENT_QUEUES.map((queue) => [queue, Math.min(row?.[queue] ?? 0, QUEUE_COUNT_CAP)])) as Record<AgentQueue, number>;
}

/** The agent console's one answer: a queue's page and every queue's count (the tabs' numbers). */
export interface QueueWithCounts {
  page: QueuePage;
  counts: Record<AgentQueue, number>;
}

/**
 * listAgentQueue and agentQueueCounts together, as the console asks for them. On SQLite the same
 * prepared statements; PostgreSQL's twin reads them in two statements planned apart
 * (pg/queries/agent-queues.ts).
 */
export function agentQueueWithCounts(
  db: Db,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): QueueWithCounts {
  return { page: listAgentQueue(db, params), counts: agentQueueCounts(db, params.clock, params.filters, params.ticketIds) };
}
