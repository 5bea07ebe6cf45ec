import { getTicket, type Db, type TicketRecord } from '@atende/db';
import type { SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';

/**
 * The one way routes load a ticket for someone. A contact reaching another contact's ticket gets the
 * same 404 as for a ticket that does not exist, so ids reveal nothing.
 */
export function loadTicketFor(db: Db, session: SignedInActor, ticketId: number): TicketRecord {
  const ticket = getTicket(db, ticketId);
  if (!ticket) throw new AppError('not_found');
  if (session.actor.kind === 'contact' && ticket.requesterId !== session.actor.id) throw new AppError('not_found');
  return ticket;
}

/** Whether this actor may see the ticket (same rule as loadTicketFor, for use inside transactions). */
export function mayAccessTicket(session: SignedInActor, ticket: TicketRecord): boolean {
  return session.actor.kind === 'agent' || ticket.requesterId === session.actor.id;
}
