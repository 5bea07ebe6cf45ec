import { and, eq, gt, min, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { tickets } from '../schema.js';
import { cached } from './prepared.js';

/** Row 0 of panel_stamps: the department names every panel shows (see schema.ts). */
export const SHARED_PANEL_STAMP = 0;

/**
 * What a contact's Painel do Cliente shows, as of now, in one token: their own stamp and the shared
 * one. Equal tokens mean no ticket of theirs and no department name has changed in between (the
 * triggers of migration 0019 write the stamps). A contact without tickets yet has no stamp: "-".
 */
export function panelStampOf(db: Db, contactId: number): string {
  // Every panel refetch runs this first: a raw prepared statement (two primary-key reads, no mapping)
  // costs a third of the drizzle form with an IN list, which SQLite answers through a temporary b-tree.
  const query = cached(db, 'panelStampOf', () =>
    db.$client.prepare<[number], { own: number | null; shared: number | null }>(
      `SELECT (SELECT stamp FROM panel_stamps WHERE contact_id = ?) AS own, (SELECT stamp FROM panel_stamps WHERE contact_id = ${SHARED_PANEL_STAMP}) AS shared`,
    ),
  );
  return panelToken(query.get(contactId)!);
}

/** Both engines' answer as one token: the contact's stamp, then the shared one ("-" for none yet). */
export function panelToken(stamps: { own: number | string | null; shared: number | string | null }): string {
  return `${stamps.own ?? '-'}.${stamps.shared ?? '-'}`;
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

/** A panel answer's ETag parts: the stamp token and the next rating window to close (null: none open). */
export interface PanelTagParts {
  stamp: string;
  ratingDeadline: number | null;
}

/**
 * panelStampOf and nextRatingDeadlineOf in one statement, for an answer that is sent whole (no tag was
 * presented): one round trip fewer on PostgreSQL for every first load of a panel answer.
 */
export function panelTagPartsOf(db: Db, contactId: number, now: number): PanelTagParts {
  const query = cached(db, 'panelTagPartsOf', () =>
    db.$client.prepare<{ contactId: number; now: number }, { own: number | null; shared: number | null; deadline: number | null }>(
      `SELECT (SELECT stamp FROM panel_stamps WHERE contact_id = @contactId) AS own,
              (SELECT stamp FROM panel_stamps WHERE contact_id = ${SHARED_PANEL_STAMP}) AS shared,
              (SELECT min(rating_due_until) FROM tickets WHERE requester_id = @contactId AND customer_tab = 'unrated' AND rating_due_until > @now) AS deadline`,
    ),
  );
  const row = query.get({ contactId, now })!;
  return { stamp: panelToken(row), ratingDeadline: row.deadline };
}
