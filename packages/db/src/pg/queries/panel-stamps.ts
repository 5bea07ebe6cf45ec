import { and, eq, gt, inArray, min } from 'drizzle-orm';
import { panelTokenOf, SHARED_PANEL_STAMP } from '../../queries/panel-stamps.js';
import type { PgExecutor } from '../executor.js';
import { panelStamps, tickets } from '../schema.js';

/** panelStampOf on PostgreSQL. */
export async function panelStampOfPg(db: PgExecutor, contactId: number): Promise<string> {
  const rows = await db
    .select({ contactId: panelStamps.contactId, stamp: panelStamps.stamp })
    .from(panelStamps)
    .where(inArray(panelStamps.contactId, [contactId, SHARED_PANEL_STAMP]));
  return panelTokenOf(contactId, rows);
}

export async function nextRatingDeadlineOfPg(db: PgExecutor, contactId: number, now: number): Promise<number | null> {
  const [row] = await db
    .select({ deadline: min(tickets.ratingDueUntil) })
    .from(tickets)
    .where(and(eq(tickets.requesterId, contactId), eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, now)));
  return row?.deadline ?? null;
}
