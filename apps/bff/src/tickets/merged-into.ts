import { getTicket, latestClosingMergeTarget, type Database } from '@atende/db/store';

/**
 * The ticket a closed duplicate was merged into (its latest closing was a `merge_into`), or null. Read
 * from the history, so no column is needed: only closed tickets are asked, one indexed row each.
 */
export async function mergedIntoOf(db: Database, ticket: { id: number; status: string }): Promise<number | null> {
  if (ticket.status !== 'closed') return null;
  return latestClosingMergeTarget(db, ticket.id);
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
