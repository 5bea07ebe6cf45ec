import { getTicket, ticketHistory, type Database } from '@atende/db/store';

/**
 * The ticket a closed duplicate was merged into (its latest closing was a `merge_into`), or null. Read
 * from the history, so no column is needed: only closed tickets are asked, and they are few per request.
 */
export async function mergedIntoOf(db: Database, ticket: { id: number; status: string }): Promise<number | null> {
  if (ticket.status !== 'closed') return null;
  const events = await ticketHistory(db, ticket.id);
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
export async function continuingTicketId(db: Database, ticket: { id: number; status: string }): Promise<number> {
  let current = ticket;
  for (let hop = 0; hop < 5; hop++) {
    const into = await mergedIntoOf(db, current);
    const next = into === null ? null : await getTicket(db, into);
    if (!next) break;
    current = next;
  }
  return current.id;
}
