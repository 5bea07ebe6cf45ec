import type { Db } from '../client.js';
import { attachmentsOfMessages, type AttachmentSummary } from './attachments.js';
import { ticketRatings } from './ratings.js';
import { automaticActions, latestClosingMergeTarget, ticketParticipants, ticketThread, type AutomaticAction, type ThreadMessage, type TicketParticipants } from './thread.js';
import { getTicket, type TicketRecord } from './tickets.js';

/**
 * Everything the customer's ticket page reads from the database, in one call: the ticket, the names
 * around it, its public thread with each message's files, its ratings, the rules' own actions of the
 * types asked for, and, for a closed ticket, the ticket it was merged into.
 *
 * One call because on PostgreSQL each of the six reads was a network round trip, and the round trips,
 * not the rows, were most of the page's cost there (issue 16: the page per core at 0.27–0.37 of
 * SQLite's). SQLite's side is the same six prepared statements as before, read in one go.
 */
export interface CustomerTicketPage {
  ticket: TicketRecord;
  participants: TicketParticipants | undefined;
  messages: ThreadMessage[];
  files: Map<number, AttachmentSummary[]>;
  ratings: ReturnType<typeof ticketRatings>;
  automaticActions: AutomaticAction[];
  /** The ticket this one was merged into, for a closed ticket whose latest closing was a merge; else null. */
  mergedInto: number | null;
}

/** The page's reads, or null when no ticket has this number. Who may see it is the caller's check. */
export function customerTicketPage(db: Db, ticketId: number, actionTypes: readonly string[]): CustomerTicketPage | null {
  const ticket = getTicket(db, ticketId);
  if (!ticket) return null;
  const messages = ticketThread(db, ticketId, 'customer');
  return {
    ticket,
    participants: ticketParticipants(db, ticketId),
    messages,
    files: attachmentsOfMessages(db, messages.map((m) => m.id)),
    ratings: ticketRatings(db, ticketId),
    automaticActions: automaticActions(db, ticketId, actionTypes),
    mergedInto: ticket.status === 'closed' ? latestClosingMergeTarget(db, ticketId) : null,
  };
}

