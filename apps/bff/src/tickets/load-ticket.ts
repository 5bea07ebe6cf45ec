import { mayAccessTicket } from '@atende/domain';
import { getTicket, type Database, type TicketRecord } from '@atende/db/store';
import type { SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';

/**
 * The one way routes load a ticket to show it (changes load theirs in the use case, under the same
 * rule). A contact reaching another contact's ticket gets the same 404 as for a ticket that does not
 * exist, so ids reveal nothing.
 */
export async function loadTicketFor(db: Database, session: SignedInActor, ticketId: number): Promise<TicketRecord> {
  const ticket = await getTicket(db, ticketId);
  if (!ticket) throw new AppError('not_found');
  if (!mayAccessTicket(session.actor, ticket)) throw new AppError('not_found');
  return ticket;
}
