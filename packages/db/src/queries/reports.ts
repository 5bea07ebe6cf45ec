import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, departments, messages, ratings, tickets } from '../schema.js';

/**
 * The raw rows of the console's reports for one period ([start, end) epoch ms); the domain's
 * buildReport does the arithmetic. Ratings by when they were given, tickets by when they were created.
 */
export function reportRows(db: Db, period: { start: number; end: number }) {
  const ratingRows = db
    .select({ score: ratings.score, createdAt: ratings.createdAt, agentId: ratings.agentId })
    .from(ratings)
    .where(and(gte(ratings.createdAt, period.start), lt(ratings.createdAt, period.end)))
    .all();
  const firstResponse = sql<number | null>`(SELECT min(${messages.createdAt}) FROM ${messages} WHERE ${messages.ticketId} = ${tickets.id} AND ${messages.authorKind} = 'agent' AND ${messages.visibility} = 'public' AND ${messages.createdAt} >= ${tickets.createdAt})`;
  const ticketRows = db
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
    .all();
  const agentRows = db.select({ agentId: agents.id, name: agents.name }).from(agents).orderBy(asc(agents.name)).all();
  return { ratings: ratingRows, tickets: ticketRows, agents: agentRows };
}
