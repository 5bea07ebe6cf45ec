import { asc, desc, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { companies, contacts, tickets } from '../schema.js';

/**
 * The agents' company and contact directory (seed 001 §1.3: "digite o nome da empresa").
 * Search is a case-insensitive substring LIKE over company name and contact name/e-mail, capped by a
 * LIMIT: the directory holds thousands of rows at most, so a scan stays well under a millisecond per
 * thousand rows and no FTS table is needed. `%` and `_` typed by the agent are escaped.
 */
const DIRECTORY_LIMIT = 20;

function pattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

export interface DirectoryHit {
  companies: { id: number; name: string }[];
  contacts: { id: number; name: string; email: string; companyId: number | null; companyName: string | null }[];
}

export function searchDirectory(db: Db, q: string): DirectoryHit {
  const p = pattern(q.trim());
  const escape = sql`ESCAPE '\\'`;
  return {
    companies: db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(sql`${companies.name} LIKE ${p} ${escape}`)
      .orderBy(asc(companies.name), asc(companies.id))
      .limit(DIRECTORY_LIMIT)
      .all(),
    contacts: db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, companyId: contacts.companyId, companyName: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(or(sql`${contacts.name} LIKE ${p} ${escape}`, sql`${contacts.email} LIKE ${p} ${escape}`))
      .orderBy(asc(contacts.name), asc(contacts.id))
      .limit(DIRECTORY_LIMIT)
      .all(),
  };
}

export type CompanyRecord = typeof companies.$inferSelect;

export function getCompany(db: Db, id: number): CompanyRecord | null {
  return db.select().from(companies).where(eq(companies.id, id)).get() ?? null;
}

export interface DirectoryContact {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  active: boolean;
  companyId: number | null;
  companyName: string | null;
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

export function getDirectoryContact(db: Db, id: number): DirectoryContact | null {
  return db.select(contactColumns).from(contacts).leftJoin(companies, eq(companies.id, contacts.companyId)).where(eq(contacts.id, id)).get() ?? null;
}

export function listCompanyContacts(db: Db, companyId: number): DirectoryContact[] {
  return db
    .select(contactColumns)
    .from(contacts)
    .leftJoin(companies, eq(companies.id, contacts.companyId))
    .where(eq(contacts.companyId, companyId))
    .orderBy(asc(contacts.name), asc(contacts.id))
    .all();
}

export interface ContactTicketRow {
  id: number;
  subject: string;
  status: (typeof tickets.$inferSelect)['status'];
  priority: (typeof tickets.$inferSelect)['priority'];
  requesterId: number;
  updatedAt: number;
}

const CONTACT_TICKETS_LIMIT = 50;

/** A contact's most recent tickets (tickets_requester_activity_idx). */
export function listContactTickets(db: Db, contactIds: number[]): ContactTicketRow[] {
  if (contactIds.length === 0) return [];
  return db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, priority: tickets.priority, requesterId: tickets.requesterId, updatedAt: tickets.updatedAt })
    .from(tickets)
    .where(contactIds.length === 1 ? eq(tickets.requesterId, contactIds[0]!) : sql`${tickets.requesterId} IN ${contactIds}`)
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .limit(CONTACT_TICKETS_LIMIT * contactIds.length)
    .all();
}
