import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { reportRows } from '../../queries/reports.js';
import type { PgExecutor } from '../executor.js';
import { agents, departments, messages, ratings, tickets } from '../schema.js';

/**
 * reportRows of queries/reports.ts on PostgreSQL. SQLite names no order for the ratings and tickets;
 * it walks ratings_created_idx (created_at, id) and the tickets by id, so those orders are said here.
 * Agents by name byte-wise (SQLite's BINARY = COLLATE "C"), ties by id.
 */
export async function reportRowsPg(db: PgExecutor, period: { start: number; end: number }): Promise<ReturnType<typeof reportRows>> {
  const ratingRows = await db
    .select({ score: ratings.score, createdAt: ratings.createdAt, agentId: ratings.agentId })
    .from(ratings)
    .where(and(gte(ratings.createdAt, period.start), lt(ratings.createdAt, period.end)))
    .orderBy(asc(ratings.createdAt), asc(ratings.id));
  const firstResponse = sql<number | null>`(SELECT min(${messages.createdAt}) FROM ${messages} WHERE ${messages.ticketId} = ${tickets.id} AND ${messages.authorKind} = 'agent' AND ${messages.visibility} = 'public' AND ${messages.createdAt} >= ${tickets.createdAt})`;
  const ticketRows = await db
    .select({
      createdAt: tickets.createdAt,
      assigneeId: tickets.assigneeId,
      departmentName: departments.name,
      origin: tickets.origin,
      firstResponseAt: firstResponse,
      resolvedAt: sql<number | null>`coalesce(${tickets.resolvedAt}, ${tickets.closedAt})`,
    })
    .from(tickets)
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(and(gte(tickets.createdAt, period.start), lt(tickets.createdAt, period.end)))
    .orderBy(asc(tickets.id));
  const agentRows = await db
    .select({ agentId: agents.id, name: agents.name })
    .from(agents)
    .orderBy(sql`${agents.name} COLLATE "C"`, asc(agents.id));
  return { ratings: ratingRows, tickets: ticketRows, agents: agentRows };
}
