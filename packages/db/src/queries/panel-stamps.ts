import { and, eq, gt, inArray, min, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { panelStamps, tickets } from '../schema.js';
import { cached } from './prepared.js';

/** Row 0 of panel_stamps: the department names every panel shows (see schema.ts). */
export const SHARED_PANEL_STAMP = 0;

/**
 * What a contact's Painel do Cliente shows, as of now, in one token: their own stamp and the shared
 * one. Equal tokens mean no ticket of theirs and no department name has changed in between (the
 * triggers of migration 0019 write the stamps). A contact without tickets yet has no stamp: "-".
 */
export function panelStampOf(db: Db, contactId: number): string {
  const query = cached(db, 'panelStampOf', () =>
    db
      .select({ contactId: panelStamps.contactId, stamp: panelStamps.stamp })
      .from(panelStamps)
      .where(inArray(panelStamps.contactId, [sql.placeholder('contactId'), SHARED_PANEL_STAMP]))
      .prepare(),
  );
  return panelTokenOf(contactId, query.all({ contactId }));
}

/** Both engines' rows, as one token: the contact's stamp, then the shared one. */
export function panelTokenOf(contactId: number, rows: { contactId: number; stamp: number | string }[]): string {
  const stampOf = (id: number) => rows.find((row) => row.contactId === id)?.stamp ?? '-';
  return `${stampOf(contactId)}.${stampOf(SHARED_PANEL_STAMP)}`;
}

/**
 * The next moment the contact's panel changes without any write: the earliest rating window still open
 * ("Não avaliados" drops a ticket when its window closes). Null when no window is open.
 */
export function nextRatingDeadlineOf(db: Db, contactId: number, now: number): number | null {
  const query = cached(db, 'nextRatingDeadlineOf', () =>
    db
      .select({ deadline: min(tickets.ratingDueUntil) })
      .from(tickets)
      .where(and(eq(tickets.requesterId, sql.placeholder('contactId')), eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, sql.placeholder('now'))))
      .prepare(),
  );
  return query.get({ contactId, now })?.deadline ?? null;
}
