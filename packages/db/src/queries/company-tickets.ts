import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, departments, tickets } from '../schema.js';
import type { ActivityCursor } from './tickets.js';

/**
 * A company manager's view (issue 15): every ticket of their company, newest activity first, with who
 * asked; optionally one requester's only. Keyset pagination on (updated_at, id) over
 * tickets_company_activity_idx (or the requester's index when filtered).
 */

/** The company a contact manages, or null when they are not an active manager of one. */
export function managedCompanyOf(db: Db, contactId: number): number | null {
  const row = db.select({ companyId: contacts.companyId, manager: contacts.companyManager, active: contacts.active }).from(contacts).where(eq(contacts.id, contactId)).get();
  return row && row.manager && row.active && row.companyId !== null ? row.companyId : null;
}

/** The company's contacts, for the "Solicitante" filter. */
export function companyContacts(db: Db, companyId: number): { id: number; name: string }[] {
  return db.select({ id: contacts.id, name: contacts.name }).from(contacts).where(eq(contacts.companyId, companyId)).orderBy(asc(contacts.name), asc(contacts.id)).all();
}

/** `companyId` null: no company filter (then `requesterId` must name the one requester). */
export function listCompanyTickets(db: Db, params: { companyId: number | null; requesterId?: number | undefined; cursor: ActivityCursor | null; limit: number }) {
  const { companyId, requesterId, cursor, limit } = params;
  const rows = db
    .select({
      id: tickets.id,
      subject: tickets.subject,
      status: tickets.status,
      origin: tickets.origin,
      departmentName: departments.name,
      updatedAt: tickets.updatedAt,
      requesterName: contacts.name,
    })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(
      and(
        companyId !== null ? eq(tickets.companyId, companyId) : undefined,
        requesterId !== undefined ? eq(tickets.requesterId, requesterId) : undefined,
        cursor ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${cursor.updatedAt}, ${cursor.id})` : undefined,
      ),
    )
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(limit + 1)
    .all();
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
}
