import { asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { CompanyRecord, ContactTicketRow, DirectoryContact, DirectoryHit } from '../../queries/directory.js';
import type { PgExecutor } from '../executor.js';
import { companies, contacts, tickets } from '../schema.js';

const DIRECTORY_LIMIT = 20;

function pattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * searchDirectory on PostgreSQL: case-insensitive substring (ILIKE, `%` and `_` typed by the agent
 * escaped) over company names and contact names/e-mails, capped by a LIMIT — the directory holds
 * thousands of rows at most, as on SQLite. Names are ordered byte-wise (COLLATE "C"), SQLite's order,
 * so both engines list the same hits in the same order.
 */
export async function searchDirectoryPg(db: PgExecutor, q: string): Promise<DirectoryHit> {
  const p = pattern(q.trim());
  const escape = sql`ESCAPE '\\'`;
  return {
    companies: await db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(sql`${companies.name} ILIKE ${p} ${escape}`)
      .orderBy(sql`${companies.name} COLLATE "C"`, companies.id)
      .limit(DIRECTORY_LIMIT),
    contacts: await db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, companyId: contacts.companyId, companyName: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(or(sql`${contacts.name} ILIKE ${p} ${escape}`, sql`${contacts.email} ILIKE ${p} ${escape}`))
      .orderBy(sql`${contacts.name} COLLATE "C"`, contacts.id)
      .limit(DIRECTORY_LIMIT),
  };
}

export async function getCompanyPg(db: PgExecutor, id: number): Promise<CompanyRecord | null> {
  const [row] = await db.select().from(companies).where(eq(companies.id, id));
  return row ?? null;
}

const contactColumns = {
  id: contacts.id,
  name: contacts.name,
  email: contacts.email,
  phone: contacts.phone,
  active: contacts.active,
  companyId: contacts.companyId,
  companyName: companies.name,
};

export async function getDirectoryContactPg(db: PgExecutor, id: number): Promise<DirectoryContact | null> {
  const [row] = await db.select(contactColumns).from(contacts).leftJoin(companies, eq(companies.id, contacts.companyId)).where(eq(contacts.id, id));
  return row ?? null;
}

/** Names byte-wise (COLLATE "C"), SQLite's BINARY order. */
export async function listCompanyContactsPg(db: PgExecutor, companyId: number): Promise<DirectoryContact[]> {
  return db
    .select(contactColumns)
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.companyId, companyId))
    .orderBy(sql`${contacts.name} COLLATE "C"`, asc(contacts.id));
}

const CONTACT_TICKETS_LIMIT = 50;

/** A contact's most recent tickets (tickets_requester_activity_idx). */
export async function listContactTicketsPg(db: PgExecutor, contactIds: number[]): Promise<ContactTicketRow[]> {
  if (contactIds.length === 0) return [];
  return db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, priority: tickets.priority, requesterId: tickets.requesterId, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(contactIds.length === 1 ? eq(tickets.requesterId, contactIds[0]!) : inArray(tickets.requesterId, contactIds))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(CONTACT_TICKETS_LIMIT * contactIds.length);
}
