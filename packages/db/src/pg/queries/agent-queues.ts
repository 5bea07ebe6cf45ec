import { TICKET_STATUSES, TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { and, asc, desc, eq, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { AGENT_QUEUES, QUEUE_COUNT_CAP, type AgentQueue, type QueueClock, type QueueCursor, type QueueFilters, type QueuePage, type QueueSort } from '../../queries/agent-queues.js';
import type { PgExecutor } from '../executor.js';
import { agents, companies, contacts, departments, tickets } from '../schema.js';

/**
 * The agent console's queues on PostgreSQL: the twins of queries/agent-queues.ts, the same conditions
 * (each served by the same index) and the same sort keys, so pages and cursors are interchangeable.
 */
const NO_DUE = Number.MAX_SAFE_INTEGER;
const dueKey = sql<number>`coalesce(${tickets.dueAt}, ${sql.raw(String(NO_DUE))}::bigint)`;
// Constants inlined as bigint: a bound parameter beside the integer CASE would be typed integer and overflow.
const PRIORITY_SPAN = 10_000_000_000_000;
const priorityKey = sql<number>`(CASE ${tickets.priority} WHEN 'urgente' THEN 0 WHEN 'alta' THEN 1 WHEN 'media' THEN 2 ELSE 3 END)::bigint * ${sql.raw(String(PRIORITY_SPAN))}::bigint + (${sql.raw(String(PRIORITY_SPAN - 1))}::bigint - ${tickets.updatedAt})`;
const PRIORITY_RANK: Record<string, number> = { urgente: 0, alta: 1, media: 2, baixa: 3 };
const priorityKeyOf = (item: { priority: string; updatedAt: number }) => (PRIORITY_RANK[item.priority] ?? 3) * PRIORITY_SPAN + (PRIORITY_SPAN - 1 - item.updatedAt);
const todayStatuses = [...TODAY_WORK_STATUSES] as TicketStatus[];
const openStatuses = TICKET_STATUSES.filter((s) => s !== 'closed');
const answerStatuses = TICKET_STATUSES.filter((s) => s !== 'closed' && s !== 'resolved');

function queueCondition(queue: AgentQueue, clock: QueueClock): SQL | undefined {
  switch (queue) {
    case 'mine':
      return and(eq(tickets.assigneeId, clock.agentId), inArray(tickets.status, openStatuses));
    case 'unassigned':
      return and(isNull(tickets.assigneeId), inArray(tickets.status, openStatuses));
    case 'today':
      return or(and(inArray(tickets.status, todayStatuses), lt(tickets.dueAt, clock.endOfToday)), and(inArray(tickets.status, answerStatuses), lt(tickets.nextResponseDueAt, clock.endOfToday)));
    case 'overdue':
      return or(and(inArray(tickets.status, todayStatuses), lt(tickets.dueAt, clock.now)), and(inArray(tickets.status, answerStatuses), lt(tickets.nextResponseDueAt, clock.now)));
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

function filterCondition(filters: QueueFilters): SQL | undefined {
  const present = (Object.keys(FILTER_COLUMNS) as (keyof QueueFilters)[]).filter((name) => filters[name] !== undefined && filters[name] !== null);
  return and(...present.map((name) => sql`${FILTER_COLUMNS[name]} = ${filters[name]}`));
}

/** The ids a search matched, as one array parameter (any number of them, one statement), as json_each does on SQLite. */
function amongIds(ticketIds: number[] | undefined): SQL | undefined {
  return ticketIds ? sql`${tickets.id} = ANY(${sql.param(ticketIds)}::integer[])` : undefined;
}

export async function listAgentQueuePg(
  db: PgExecutor,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): Promise<QueuePage> {
  const { sort, cursor, limit, queue, clock, ticketIds } = params;
  const after = cursor
    ? sort === 'updated'
      ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${cursor.key}::bigint, ${cursor.id}::integer)`
      : sql`(${sort === 'due' ? dueKey : priorityKey}, ${tickets.id}) > (${cursor.key}::bigint, ${cursor.id}::integer)`
    : undefined;
  const rows = await db
    .select({
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
    })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .leftJoin(companies, eq(companies.id, tickets.companyId))
    .where(and(queueCondition(queue, clock), filterCondition(params.filters), amongIds(ticketIds), after))
    .orderBy(...(sort === 'updated' ? [desc(tickets.updatedAt), desc(tickets.id)] : sort === 'due' ? [asc(dueKey), asc(tickets.id)] : [asc(priorityKey), asc(tickets.id)]))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { key: sort === 'updated' ? last.updatedAt : sort === 'due' ? (last.dueAt ?? NO_DUE) : priorityKeyOf(last), id: last.id } : null,
  };
}

/** The queue tabs' counts, each capped at QUEUE_COUNT_CAP as on SQLite (the console shows "1000+"). */
export async function agentQueueCountsPg(db: PgExecutor, clock: QueueClock, filters: QueueFilters = {}, ticketIds?: number[]): Promise<Record<AgentQueue, number>> {
  const counts = {} as Record<AgentQueue, number>;
  for (const queue of AGENT_QUEUES) {
    const capped = db
      .select({ one: sql`1` })
      .from(tickets)
      .where(and(queueCondition(queue, clock), filterCondition(filters), amongIds(ticketIds)))
      .limit(QUEUE_COUNT_CAP)
      .as('capped');
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(capped);
    counts[queue] = row?.n ?? 0;
  }
  return counts;
}
