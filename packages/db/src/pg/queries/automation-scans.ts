import { and, asc, eq, gt, inArray, isNotNull, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import type { customerServicesSince, departmentAgentLoads, ScanCursor } from '../../queries/automation-scans.js';
import type { PgExecutor } from '../executor.js';
import { agentDepartments, agents, messages, ticketNotClosed, tickets } from '../schema.js';

/** The automations' scans on PostgreSQL: the twins of queries/automation-scans.ts, walking the same indexes. */

function after(column: typeof tickets.waitingSince | typeof tickets.resolvedAt, cursor: ScanCursor | null): SQL | undefined {
  return cursor ? or(gt(column, cursor.at), and(eq(column, cursor.at), gt(tickets.id, cursor.id))) : undefined;
}

/** A bounded batch of waiting tickets in (status, [reminder_stage,] waiting_since, id) index order. */
export async function waitingTicketsBatchPg(
  db: PgExecutor,
  params: { waitingBefore: number; reminderStage?: number | null; cursor: ScanCursor | null; limit: number },
): Promise<ScanCursor[]> {
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
    .limit(params.limit);
}

/** A bounded batch of resolved tickets in (status, resolved_at, id) index order. */
export async function resolvedTicketsBatchPg(db: PgExecutor, params: { resolvedBefore: number; cursor: ScanCursor | null; limit: number }): Promise<ScanCursor[]> {
  return db
    .select({ at: sql<number>`${tickets.resolvedAt}`, id: tickets.id })
    .from(tickets)
    .where(and(eq(tickets.status, 'resolved'), ticketNotClosed, isNotNull(tickets.resolvedAt), lte(tickets.resolvedAt, params.resolvedBefore), after(tickets.resolvedAt, params.cursor)))
    .orderBy(asc(tickets.status), asc(tickets.resolvedAt), asc(tickets.id))
    .limit(params.limit);
}

/**
 * When agents served a customer since `since` (public agent messages on the customer's tickets). The
 * SQLite query has no ORDER BY; its plan walks the customer's activity index, then each ticket's
 * messages: that order is written out here so both engines list the rows alike (the routing rule
 * itself only reads the latest).
 */
export async function customerServicesSincePg(
  db: PgExecutor,
  params: { companyId: number | null; requesterId: number; since: number },
): Promise<ReturnType<typeof customerServicesSince>> {
  const ofCustomer = params.companyId !== null ? eq(tickets.companyId, params.companyId) : and(sql`${tickets.companyId} IS NULL`, eq(tickets.requesterId, params.requesterId));
  return db
    .select({
      agentId: sql<number>`${messages.authorId}`,
      at: messages.createdAt,
      agentActive: agents.active,
      agentServesDepartment: sql<boolean>`EXISTS (SELECT 1 FROM ${agentDepartments} WHERE ${agentDepartments.agentId} = ${agents.id})`.mapWith(Boolean),
    })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .innerJoin(agents, eq(agents.id, messages.authorId))
    .where(and(eq(messages.authorKind, 'agent'), eq(messages.visibility, 'public'), gt(messages.createdAt, params.since - 1), ofCustomer))
    .orderBy(asc(tickets.updatedAt), asc(tickets.id), asc(messages.id));
}

/**
 * The department's active agents with their count of unfinished tickets. Members by id: SQLite
 * lists them in its table's insertion order (no ORDER BY), which PostgreSQL has no way to repeat;
 * the least-loaded choice breaks ties by id, so the order changes no assignment.
 */
export async function departmentAgentLoadsPg(db: PgExecutor, departmentId: number): Promise<ReturnType<typeof departmentAgentLoads>> {
  const members = (
    await db
      .select({ agentId: agents.id })
      .from(agents)
      .innerJoin(agentDepartments, eq(agentDepartments.agentId, agents.id))
      .where(and(eq(agentDepartments.departmentId, departmentId), eq(agents.active, true)))
      .orderBy(asc(agents.id))
  ).map((row) => row.agentId);
  if (members.length === 0) return [];
  const loads = await db
    .select({ agentId: sql<number>`${tickets.assigneeId}`, count: sql<number>`count(*)::int` })
    .from(tickets)
    .where(and(inArray(tickets.assigneeId, members), notInArray(tickets.status, ['resolved', 'closed']), ticketNotClosed))
    .groupBy(tickets.assigneeId);
  const byAgent = new Map(loads.map((row) => [row.agentId, row.count]));
  return members.map((agentId) => ({ agentId, openTickets: byAgent.get(agentId) ?? 0 }));
}

/** SQLite's isAgentStillActive, with the agent's row locked FOR SHARE until the transaction ends. */
export async function isAgentStillActivePg(db: PgExecutor, agentId: number): Promise<boolean> {
  const [row] = await db.select({ active: agents.active }).from(agents).where(eq(agents.id, agentId)).for('share');
  return row?.active === true;
}
