import { and, asc, desc, eq, gte, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, contacts, ratings, tickets } from '../schema.js';
import { cached } from './prepared.js';

export type RatingRecord = typeof ratings.$inferSelect;

export function getRating(db: Db, ticketId: number, closing: number): RatingRecord | null {
  return db.select().from(ratings).where(and(eq(ratings.ticketId, ticketId), eq(ratings.closing, closing))).get() ?? null;
}

/**
 * Adds the comment of the rating page's second step. Only while the rating has none, so a link cannot
 * overwrite what was said; the changed-row count tells whether it was taken.
 */
export function addRatingComment(db: Db, ratingId: number, comment: string): boolean {
  const result = db
    .update(ratings)
    .set({ comment })
    .where(and(eq(ratings.id, ratingId), isNull(ratings.comment)))
    .run();
  return result.changes === 1;
}

/** Every rating of one ticket, first closing first: its history. */
export function ticketRatings(db: Db, ticketId: number) {
  // Read on every customer view of a ticket: built and prepared once.
  const query = cached(db, 'ticketRatings', () =>
    db
      .select({ closing: ratings.closing, score: ratings.score, comment: ratings.comment, createdAt: ratings.createdAt })
      .from(ratings)
      .where(eq(ratings.ticketId, sql.placeholder('ticketId')))
      .orderBy(asc(ratings.closing))
      .prepare(),
  );
  return query.all({ ticketId });
}

export interface RatingFilter {
  agentId?: number | undefined;
  /** Period as epoch ms: from inclusive, to exclusive. */
  from?: number | undefined;
  to?: number | undefined;
}

function ratingWhere(filter: RatingFilter): SQL | undefined {
  return and(
    filter.agentId !== undefined ? eq(ratings.agentId, filter.agentId) : undefined,
    filter.from !== undefined ? gte(ratings.createdAt, filter.from) : undefined,
    filter.to !== undefined ? lt(ratings.createdAt, filter.to) : undefined,
  );
}

const RATINGS_LIST_LIMIT = 500;

/** The quality area: ratings with ticket, agent, score and comment, newest first, plus their summary. */
export function listRatings(db: Db, filter: RatingFilter) {
  const where = ratingWhere(filter);
  const items = db
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
    .limit(RATINGS_LIST_LIMIT)
    .all();
  // The summary covers every matching rating, not only the listed page.
  const rows = db
    .select({ score: ratings.score, count: sql<number>`count(*)` })
    .from(ratings)
    .where(where)
    .groupBy(ratings.score)
    .all();
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
