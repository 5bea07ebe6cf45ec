import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { listCompanyTickets } from '../../queries/company-tickets.js';
import type { ActivityCursor } from '../../queries/tickets.js';
import type { PgExecutor } from '../executor.js';
import { contacts, departments, tickets } from '../schema.js';

/**
 * The company manager's queries of queries/company-tickets.ts on PostgreSQL: same parameters and
 * results, as promises; the same keyset on (updated_at, id) over tickets_company_activity_idx.
 */

export async function managedCompanyOfPg(db: PgExecutor, contactId: number): Promise<number | null> {
  const [row] = await db.select({ companyId: contacts.companyId, manager: contacts.companyManager, active: contacts.active }).from(contacts).where(eq(contacts.id, contactId));
  return row && row.manager && row.active && row.companyId !== null ? row.companyId : null;
}

/** Names byte-wise, as SQLite's BINARY orders them. */
export async function companyContactsPg(db: PgExecutor, companyId: number): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: contacts.id, name: contacts.name })
    .from(contacts)
    .where(eq(contacts.companyId, companyId))
    .orderBy(sql`${contacts.name} COLLATE "C"`, asc(contacts.id));
}

export async function listCompanyTicketsPg(
  db: PgExecutor,
  params: { companyId: number | null; requesterId?: number | undefined; cursor: ActivityCursor | null; limit: number },
): Promise<ReturnType<typeof listCompanyTickets>> {
  const { companyId, requesterId, cursor, limit } = params;
  const rows = await db
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
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
}
