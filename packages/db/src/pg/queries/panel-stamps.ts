import { and, eq, gt, min, sql } from 'drizzle-orm';
import { panelToken, SHARED_PANEL_STAMP, type PanelTagParts } from '../../queries/panel-stamps.js';
import { builtOnce, UNNAMED } from '../built-once.js';
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

/**
 * A panel answer's tag parts as a select's columns, with placeholders (contactId, now): panelTagPartsOfPg
 * reads them alone, tagged-panel-reads.ts beside the answer itself.
 */
export const panelTagColumns = () => ({
  own: sql<string | null>`(SELECT stamp FROM panel_stamps WHERE contact_id = ${sql.placeholder('contactId')})`,
  shared: sql<string | null>`(SELECT stamp FROM panel_stamps WHERE contact_id = ${sql.raw(String(SHARED_PANEL_STAMP))})`,
  deadline: sql<number | string | null>`(SELECT min(${tickets.ratingDueUntil}) FROM ${tickets} WHERE ${tickets.requesterId} = ${sql.placeholder('contactId')} AND ${tickets.customerTab} = 'unrated' AND ${tickets.ratingDueUntil} > ${sql.placeholder('now')})`,
});

/** The tag parts of a row read with panelTagColumns (a bigint deadline arrives as text). */
export function tagPartsOf(row: { own: string | null; shared: string | null; deadline: number | string | null }): PanelTagParts {
  return { stamp: panelToken(row), ratingDeadline: row.deadline === null ? null : Number(row.deadline) };
}

/** panelTagPartsOf on PostgreSQL: the stamps and the next rating deadline in one round trip. */
export async function panelTagPartsOfPg(db: PgExecutor, contactId: number, now: number): Promise<PanelTagParts> {
  const query = builtOnce(db, 'panelTagPartsOf', () => db.select(panelTagColumns()).from(sql`(VALUES (1)) AS one (x)`).prepare(UNNAMED));
  const [row] = await query.execute({ contactId, now });
  return tagPartsOf(row!);
}
