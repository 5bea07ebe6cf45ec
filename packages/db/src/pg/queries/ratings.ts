import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { listRatings, RatingFilter, RatingRecord, ticketRatings } from '../../queries/ratings.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { agents, contacts, ratings, tickets } from '../schema.js';

/** The rating queries of queries/ratings.ts on PostgreSQL: same parameters and results, as promises. */

export async function getRatingPg(db: PgExecutor, ticketId: number, closing: number): Promise<RatingRecord | null> {
  const [row] = await db.select().from(ratings).where(and(eq(ratings.ticketId, ticketId), eq(ratings.closing, closing)));
  return row ?? null;
}

/**
 * Only while the rating has no comment: two submissions racing, the second waits for the first's row
 * lock, re-reads the committed row, finds a comment and changes nothing (false).
 */
export async function addRatingCommentPg(db: PgExecutor, ratingId: number, comment: string): Promise<boolean> {
  const result = await db
    .update(ratings)
    .set({ comment })
    .where(and(eq(ratings.id, ratingId), isNull(ratings.comment)));
  return result.rowCount === 1;
}

export async function ticketRatingsPg(db: PgExecutor, ticketId: number): Promise<ReturnType<typeof ticketRatings>> {
  const query = builtOnce(db, 'ticketRatings', () =>
    db
      .select({ closing: ratings.closing, score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
      .from(ratings)
      .where(eq(ratings.ticketId, sql.placeholder('ticketId')))
      .orderBy(asc(ratings.closing))
      .prepare(UNNAMED),
  );
  return query.execute({ ticketId });
}

function ratingWhere(filter: RatingFilter): SQL | undefined {
  return and(
    filter.agentId !== undefined ? eq(ratings.agentId, filter.agentId) : undefined,
    filter.from !== undefined ? gte(ratings.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(ratings.createdAt, filter.to) : undefined,
  );
}

const RATINGS_LIST_LIMIT = 500;

export async function listRatingsPg(db: PgExecutor, filter: RatingFilter): Promise<ReturnType<typeof listRatings>> {
  const where = ratingWhere(filter);
  const items = await db
    .select({
      id: ratings.id,
      ticketId: ratings.ticketId,
      ticketSubject: tickets.subject,
      closing: ratings.closing,
      score: ratings.score,
      comment: ratings.comment,
      agentId: ratings.agentId,
      agentName: agents.name,
      contactName: contacts.name,
      createdAt: ratings.createdAt,
    })
    .from(ratings)
    .innerJoin(tickets, eq(tickets.id, ratings.ticketId))
    .innerJoin(contacts, eq(contacts.id, ratings.contactId))
    .leftJoin(agents, eq(agents.id, ratings.agentId))
    .where(where)
    .orderBy(desc(ratings.createdAt), desc(ratings.id))
    .limit(RATINGS_LIST_LIMIT);
  // The summary covers every matching rating, not only the listed page.
  const rows = await db
    .select({ score: ratings.score, count: sql<number>`count(*)::int` })
    .from(ratings)
    .where(where)
    .groupBy(ratings.score);
  const distribution: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let total = 0;
  let sum = 0;
  for (const row of rows) {
    distribution[row.score as 1 | 2 | 3 | 4 | 5] = row.count;
    total += row.count;
    sum += row.score * row.count;
  }
  return { items, total, average: total === 0 ? null : sum / total, distribution };
}
