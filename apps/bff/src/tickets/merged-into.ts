import { getTicket, ticketHistory, type Db } from '@atende/db';

/**
 * The ticket a closed duplicate was merged into (its latest closing was a `merge_into`), or null. Read
 * from the history, so no column is needed: only closed tickets are asked, and they are few per request.
 */
export function mergedIntoOf(db: Db, ticket: { id: number; status: string }): number | null {
  if (ticket.status !== 'closed') return null;
  const events = ticketHistory(db, ticket.id);
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.toStatus === 'closed') {
      const target = (e.data as { mergedInto?: unknown } | null)?.mergedInto;
      return typeof target === 'number' ? target : null;
    }
  }
  return null;
}

/** Where a conversation on this ticket goes on: itself, or the ticket it was merged into (following a few merges). */
export function continuingTicketId(db: Db, ticket: { id: number; status: string }): number {
  let current = ticket;
  for (let hop = 0; hop < 5; hop++) {
    const into = mergedIntoOf(db, current);
    const next = into === null ? null : getTicket(db, into);
    if (!next) break;
    current = next;
  }
  return current.id;
}
