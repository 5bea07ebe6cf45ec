import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { agents, contactEmails, contacts } from '../schema.js';
import { listCompanies } from './contact-records.js';

export interface ImportedContact {
  /** Line of the CSV, for the report. */
  line: number;
  name: string;
  /** Lower-cased and valid (checked by the caller). */
  email: string;
  phone: string | null;
  companyId: number | null;
}

/** Lookups the dry run needs: companies by lower-cased name, and whether an address is the team's. */
export function contactImportLookups(db: Db): { companyIdByName: Map<string, number>; isStaffEmail: (email: string) => boolean } {
  const staff = new Set(db.select({ email: agents.email }).from(agents).all().map((a) => a.email));
  return {
    companyIdByName: new Map(listCompanies(db).map((c) => [c.name.trim().toLocaleLowerCase('pt-BR'), c.id])),
    isStaffEmail: (email) => staff.has(email),
  };
}

/**
 * Writes checked rows in ONE transaction (one fsync for 10,000 rows, and all or nothing): a contact
 * found by any of their addresses is updated (name; phone and company when the row has them), never
 * duplicated, so a second import of the same file changes nothing new. Returns what happened per row.
 */
export function importContacts(db: Db, rows: ImportedContact[], now: number): { created: number[]; updated: number[] } {
  // Statements prepared once for the whole file: building a query per row costs more than running it.
  const byMainEmail = db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, sql.placeholder('email'))).prepare();
  const byOtherEmail = db.select({ id: contactEmails.contactId }).from(contactEmails).where(eq(contactEmails.email, sql.placeholder('email'))).prepare();
  const update = db
    .update(contacts)
    .set({
      name: sql`${sql.placeholder('name')}`,
      phone: sql`coalesce(${sql.placeholder('phone')}, ${contacts.phone})`,
      companyId: sql`coalesce(${sql.placeholder('companyId')}, ${contacts.companyId})`,
    })
    .where(eq(contacts.id, sql.placeholder('id')))
    .prepare();
  const insert = db
    .insert(contacts)
    .values({
      name: sql.placeholder('name'),
      email: sql.placeholder('email'),
      phone: sql.placeholder('phone'),
      companyId: sql.placeholder('companyId'),
      passwordHash: null,
      active: true,
      createdAt: now,
    })
    .returning({ id: contacts.id })
    .prepare();
  return writeTransaction(db, () => {
    const created: number[] = [];
    const updated: number[] = [];
    for (const row of rows) {
      const params = { name: row.name, email: row.email, phone: row.phone, companyId: row.companyId };
      const existing = byMainEmail.get({ email: row.email }) ?? byOtherEmail.get({ email: row.email });
      if (existing) {
        update.run({ ...params, id: existing.id });
        updated.push(existing.id);
      } else {
        created.push(insert.get(params)!.id);
      }
    }
    return { created, updated };
  });
}
