import { TODAY_WORK_STATUSES, type TicketStatus } from '@atende/domain';
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, companies, contacts, departments, tickets } from '../schema.js';

/** The agent console's queues (seed 001 §3 "trabalho de hoje"). */
export const AGENT_QUEUES = ['mine', 'unassigned', 'today', 'overdue', 'all'] as const;
export type AgentQueue = (typeof AGENT_QUEUES)[number];
export const QUEUE_SORTS = ['updated', 'due'] as const;
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

const NO_DUE = Number.MAX_SAFE_INTEGER;
const dueKey = sql<number>`coalesce(${tickets.dueAt}, ${NO_DUE})`;
const todayStatuses = [...TODAY_WORK_STATUSES] as TicketStatus[];

/**
 * Each queue is a condition one index serves: mine/unassigned → tickets_assignee_idx, today/overdue
 * → tickets_status_due_idx (status IN … AND due_at < x), all → tickets_activity_idx.
 */
function queueCondition(queue: AgentQueue, clock: QueueClock): SQL | undefined {
  switch (queue) {
    case 'mine':
      return and(eq(tickets.assigneeId, clock.agentId), ne(tickets.status, 'closed'));
    case 'unassigned':
      return and(isNull(tickets.assigneeId), ne(tickets.status, 'closed'));
    case 'today':
      return and(inArray(tickets.status, todayStatuses), lt(tickets.dueAt, clock.endOfToday));
    case 'overdue':
      return and(inArray(tickets.status, todayStatuses), lt(tickets.dueAt, clock.now));
    case 'all':
      return undefined;
  }
}

function filterCondition(f: QueueFilters): SQL | undefined {
  return and(
    f.status ? eq(tickets.status, f.status) : undefined,
    f.priority ? eq(tickets.priority, f.priority) : undefined,
    f.departmentId ? eq(tickets.departmentId, f.departmentId) : undefined,
    f.origin ? eq(tickets.origin, f.origin) : undefined,
    f.assigneeId ? eq(tickets.assigneeId, f.assigneeId) : undefined,
    f.companyId ? eq(tickets.companyId, f.companyId) : undefined,
  );
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
}

export interface QueuePage {
  items: QueueItem[];
  nextCursor: QueueCursor | null;
}

export function listAgentQueue(
  db: Db,
  params: { queue: AgentQueue; filters: QueueFilters; sort: QueueSort; cursor: QueueCursor | null; limit: number; clock: QueueClock; ticketIds?: number[] | undefined },
): QueuePage {
  const { sort, cursor, limit } = params;
  const after = cursor
    ? sort === 'updated'
      ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${cursor.key}, ${cursor.id})`
      : sql`(${dueKey}, ${tickets.id}) > (${cursor.key}, ${cursor.id})`
    : undefined;
  const rows = db
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
    })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .leftJoin(companies, eq(companies.id, tickets.companyId))
    .where(
      and(
        queueCondition(params.queue, params.clock),
        filterCondition(params.filters),
        params.ticketIds ? inArray(tickets.id, params.ticketIds) : undefined,
        after,
      ),
    )
    .orderBy(...(sort === 'updated' ? [desc(tickets.updatedAt), desc(tickets.id)] : [asc(dueKey), asc(tickets.id)]))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > limit && last ? { key: sort === 'updated' ? last.updatedAt : (last.dueAt ?? NO_DUE), id: last.id } : null,
  };
}

/** How many tickets each queue holds (no filters): the numbers on the queue tabs. */
/**
 * Counts stop at QUEUE_COUNT_CAP: SQLite keeps no row counts, so an exact "Todos" would read every ticket
 * on every page load; past the cap the console shows "1000+".
 */
export const QUEUE_COUNT_CAP = 1000;

export function agentQueueCounts(db: Db, clock: QueueClock): Record<AgentQueue, number> {
  const count = (where: SQL | undefined) => {
    const capped = db.select({ one: sql`1` }).from(tickets).where(where).limit(QUEUE_COUNT_CAP).as('capped');
    return db.select({ n: sql<number>`count(*)` }).from(capped).get()?.n ?? 0;
  };
  return Object.fromEntries(AGENT_QUEUES.map((q) => [q, count(queueCondition(q, clock))])) as Record<AgentQueue, number>;
}
