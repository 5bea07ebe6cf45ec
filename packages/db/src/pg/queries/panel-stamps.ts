import { and, eq, gt, min, sql } from 'drizzle-orm';
import { panelToken, SHARED_PANEL_STAMP } from '../../queries/panel-stamps.js';
import type { PgExecutor } from '../executor.js';
import { tickets } from '../schema.js';

/** panelStampOf on PostgreSQL: the same statement (bigint stamps arrive as text; the token is text anyway). */
export async function panelStampOfPg(db: PgExecutor, contactId: number): Promise<string> {
  const result = await db.execute<{ own: string | null; shared: string | null }>(
    sql`SELECT (SELECT stamp FROM panel_stamps WHERE contact_id = ${contactId}) AS own, (SELECT stamp FROM panel_stamps WHERE contact_id = ${sql.raw(String(SHARED_PANEL_STAMP))}) AS shared`,
  );
  return panelToken(result.rows[0]!);
}

export async function nextRatingDeadlineOfPg(db: PgExecutor, contactId: number, now: number): Promise<number | null> {
  const [row] = await db
    .select({ deadline: min(tickets.ratingDueUntil) })
    .from(tickets)
    .where(and(eq(tickets.requesterId, contactId), eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, now)));
  return row?.deadline ?? null;
}
