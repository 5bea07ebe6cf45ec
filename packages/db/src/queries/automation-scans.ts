import { and, asc, eq, gt, inArray, isNotNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agentDepartments, agents, messages, ticketNotClosed, tickets } from '../schema.js';

/** Keyset position in a due-time index: (time, id) of the last row seen. */
export interface ScanCursor {
  at: number;
  id: number;
}

function after(column: typeof tickets.waitingSince | typeof tickets.resolvedAt, cursor: ScanCursor | null): SQL | undefined {
  return cursor ? or(gt(column, cursor.at), and(eq(column, cursor.at), gt(tickets.id, cursor.id))) : undefined;
}

/**
 * One bounded batch of waiting tickets that started waiting at or before `waitingBefore` (and, when
 * given, have had exactly `reminderStage` reminders), walking the (status, [reminder_stage,]
 * waiting_since, id) index in order; the caller decides what is due for each.
 */
export function waitingTicketsBatch(
  db: Db,
  params: { waitingBefore: number; reminderStage?: number | null; cursor: ScanCursor | null; limit: number },
): ScanCursor[] {
  const stage = params.reminderStage ?? null;
  return db
    .select({ at: sql<number>`${tickets.waitingSince}`, id: tickets.id })
    .from(tickets)
    .where(
      and(
        eq(tickets.status, 'waiting_customer'),
        // The partial index's condition, so the planner may use it.
        ticketNotClosed,
        stage === null ? undefined : eq(tickets.reminderStage, stage),
        isNotNull(tickets.waitingSince),
        lte(tickets.waitingSince, params.waitingBefore),
        after(tickets.waitingSince, params.cursor),
      ),
    )
    .orderBy(asc(tickets.status), ...(stage === null ? [] : [asc(tickets.reminderStage)]), asc(tickets.waitingSince), asc(tickets.id))
    .limit(params.limit)
    .all();
}

/** One bounded batch of resolved tickets resolved at or before `resolvedBefore`, in index order. */
export function resolvedTicketsBatch(db: Db, params: { resolvedBefore: number; cursor: ScanCursor | null; limit: number }): ScanCursor[] {
  return db
    .select({ at: sql<number>`${tickets.resolvedAt}`, id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, 'resolved'), ticketNotClosed, isNotNull(tickets.resolvedAt), lte(tickets.resolvedAt, params.resolvedBefore), after(tickets.resolvedAt, params.cursor)))
    .orderBy(asc(tickets.status), asc(tickets.resolvedAt), asc(tickets.id))
    .limit(params.limit)
    .all();
}

/**
 * When agents served a customer since `since`: their public messages on the customer's tickets (an
 * internal note talks to colleagues, not to the customer). The customer is the company, or the contact
 * when it has none (seed 004). Each row says whether the agent serves any department at all.
 */
export function customerServicesSince(db: Db, params: { companyId: number | null; requesterId: number; since: number }) {
  const ofCustomer = params.companyId !== null ? eq(tickets.companyId, params.companyId) : and(sql`${tickets.companyId} IS NULL`, eq(tickets.requesterId, params.requesterId));
  return db
    .select({
      agentId: sql<number>`${messages.authorId}`,
      at: messages.createdAt,
      agentActive: agents.active,
      agentServesDepartment: sql<number>`EXISTS (SELECT 1 FROM ${agentDepartments} WHERE ${agentDepartments.agentId} = ${agents.id})`.mapWith(Boolean),
    })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .innerJoin(agents, eq(agents.id, messages.authorId))
    .where(and(eq(messages.authorKind, 'agent'), eq(messages.visibility, 'public'), gt(messages.createdAt, params.since - 1), ofCustomer))
    .all();
}

/** The department's active agents with their count of unfinished tickets (normal assignment). */
export function departmentAgentLoads(db: Db, departmentId: number) {
  const members = db
    .select({ agentId: agents.id })
    .from(agents)
    .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
    .where(and(eq(agentDepartments.departmentId, departmentId), eq(agents.active, true)))
    .all()
    .map((row) => row.agentId);
  if (members.length === 0) return [];
  const loads = db
    .select({ agentId: sql<number>`${tickets.assigneeId}`, count: sql<number>`count(*)` })
    .from(tickets)
    .where(and(inArray(tickets.assigneeId, members), notInArray(tickets.status, ['resolved', 'closed']), ticketNotClosed))
    .groupBy(tickets.assigneeId)
    .all();
  const byAgent = new Map(loads.map((row) => [row.agentId, row.count]));
  return members.map((agentId) => ({ agentId, openTickets: byAgent.get(agentId) ?? 0 }));
}

/**
 * Whether the agent routing chose is still active, read inside the new ticket's transaction. SQLite
 * holds the write lock already; the PostgreSQL twin locks the agent's row until commit, so a
 * deactivation either waits for this ticket (and then sends it back to the queue with the agent's
 * others) or has committed and is seen here.
 */
export function isAgentStillActive(db: Db, agentId: number): boolean {
  const row = db.select({ active: agents.active }).from(agents).where(eq(agents.id, agentId)).get();
  return row?.active === true;
}
