import { and, desc, eq, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { companies, contacts, messages, tickets } from '../schema.js';

/**
 * What the agent's ticket workspace shows beside the conversation: who the customer is and where to
 * find them (a field technician on an onsite visit needs the address and a phone), and the customer's
 * other recent tickets (a duplicate, or context from last week).
 */
export function ticketCustomerCard(db: Db, ticket: { requesterId: number; companyId: number | null }) {
  const row = db
    .select({
      name: contacts.name,
      email: contacts.email,
      phone: contacts.phone,
      contactAddress: contacts.address,
      companyName: companies.name,
      companyPhone: companies.phone,
      companyAddress: companies.address,
    })
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.id, ticket.requesterId))
    .get();
  if (!row) return null;
  return {
    contactId: ticket.requesterId,
    name: row.name,
    email: row.email,
    // The contact's own phone first; the company's switchboard otherwise.
    phone: row.phone ?? row.companyPhone ?? null,
    address: row.contactAddress ?? row.companyAddress ?? null,
    companyName: row.companyName ?? null,
  };
}

const RECENT_LIMIT = 5;

/** The requester's other tickets, newest activity first (tickets_requester_activity_idx). */
export function otherRecentTickets(db: Db, ticket: { id: number; requesterId: number }) {
  return db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(and(eq(tickets.requesterId, ticket.requesterId), ne(tickets.id, ticket.id)))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(RECENT_LIMIT)
    .all();
}

/**
 * Merging a duplicate: its messages move to the ticket that goes on, keeping their times, so the
 * conversation reads as one. Called inside the merge's transaction, before the duplicate closes.
 */
export function moveTicketMessages(db: Db, fromTicketId: number, toTicketId: number): number {
  return db.update(messages).set({ ticketId: toTicketId }).where(eq(messages.ticketId, fromTicketId)).run().changes;
}
