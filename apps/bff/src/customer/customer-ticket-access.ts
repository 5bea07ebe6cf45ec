import { managedCompanyOf, type Database, type TicketRecord } from '@atende/db/store';
import type { SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';

/**
 * Who may READ a ticket on the customer side (issue 15): its requester, and the manager of the
 * ticket's company. Every write (reply, approve, reopen, rate) keeps loadTicketFor's stricter rule, so
 * only the requester acts. Anyone else gets the same 404 as for a missing ticket.
 */
export async function customerViewerOf(db: Database, session: SignedInActor, ticket: TicketRecord | null | undefined): Promise<'requester' | 'manager'> {
  if (!ticket || session.actor.kind !== 'contact') throw new AppError('not_found');
  if (ticket.requesterId === session.actor.id) return 'requester';
  const company = await managedCompanyOf(db, session.actor.id);
  if (company !== null && ticket.companyId === company) return 'manager';
  throw new AppError('not_found');
}

