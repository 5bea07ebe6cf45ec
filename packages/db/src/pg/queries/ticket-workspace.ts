import { and, desc, eq, ne } from 'drizzle-orm';
import type { otherRecentTickets, ticketCustomerCard } from '../../queries/ticket-workspace.js';
import type { PgExecutor } from '../executor.js';
import { companies, contacts, messages, tickets } from '../schema.js';

/** The ticket workspace's queries of queries/ticket-workspace.ts on PostgreSQL: same parameters and results, as promises. */

export async function ticketCustomerCardPg(db: PgExecutor, ticket: { requesterId: number; companyId: number | null }): Promise<ReturnType<typeof ticketCustomerCard>> {
  const [row] = await db
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
    .where(eq(contacts.id, ticket.requesterId));
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

export async function otherRecentTicketsPg(db: PgExecutor, ticket: { id: number; requesterId: number }): Promise<ReturnType<typeof otherRecentTickets>> {
  return db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(and(eq(tickets.requesterId, ticket.requesterId), ne(tickets.id, ticket.id)))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(RECENT_LIMIT);
}

export async function moveTicketMessagesPg(db: PgExecutor, fromTicketId: number, toTicketId: number): Promise<number> {
  const result = await db.update(messages).set({ ticketId: toTicketId }).where(eq(messages.ticketId, fromTicketId));
  return result.rowCount ?? 0;
}
