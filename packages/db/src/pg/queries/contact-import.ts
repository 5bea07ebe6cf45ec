import { eq, sql } from 'drizzle-orm';
import type { ImportedContact } from '../../queries/contact-import.js';
import type { PgExecutor } from '../executor.js';
import { agents, contactEmails, contacts } from '../schema.js';
import { lockAddressBookPg } from './address-lock.js';
import { listCompaniesPg } from './contact-records.js';

/** Lookups the dry run needs: companies by lower-cased name, and whether an address is the team's. */
export async function contactImportLookupsPg(db: PgExecutor): Promise<{ companyIdByName: Map<string, number>; isStaffEmail: (email: string) => boolean }> {
  const staff = new Set((await db.select({ email: agents.email }).from(agents)).map((a) => a.email));
  // Same order as SQLite's listCompanies, so of two names equal once lower-cased the same one wins.
  const companies = await listCompaniesPg(db);
  return {
    companyIdByName: new Map(companies.map((c) => [c.name.trim().toLocaleLowerCase('pt-BR'), c.id])),
    isStaffEmail: (email) => staff.has(email),
  };
}

/**
 * importContacts on PostgreSQL: all rows in one transaction, a contact found by any of their
 * addresses updated (name; phone and company when given), never duplicated. The owners of every
 * address in the file are read in two queries up front instead of two per row (a round trip costs
 * more than on SQLite); rows created earlier in the file are found by later ones as on SQLite.
 */
export async function importContactsPg(db: PgExecutor, rows: ImportedContact[], now: number): Promise<{ created: number[]; updated: number[] }> {
  return db.transaction(async (tx) => {
    await lockAddressBookPg(tx);
    const emails = [...new Set(rows.map((r) => r.email))];
    const byMainEmail = new Map<string, number>();
    const byOtherEmail = new Map<string, number>();
    if (emails.length) {
      const list = sql.param(emails);
      for (const r of await tx.select({ id: contacts.id, email: contacts.email }).from(contacts).where(sql`${contacts.email} = ANY(${list}::text[])`)) byMainEmail.set(r.email, r.id);
      for (const r of await tx.select({ id: contactEmails.contactId, email: contactEmails.email }).from(contactEmails).where(sql`${contactEmails.email} = ANY(${list}::text[])`))
        byOtherEmail.set(r.email, r.id);
    }
    const created: number[] = [];
    const updated: number[] = [];
    for (const row of rows) {
      const existing = byMainEmail.get(row.email) ?? byOtherEmail.get(row.email);
      if (existing !== undefined) {
        await tx
          .update(contacts)
          .set({ name: row.name, phone: sql`coalesce(${row.phone}::text, ${contacts.phone})`, companyId: sql`coalesce(${row.companyId}::integer, ${contacts.companyId})` })
          .where(eq(contacts.id, existing));
        updated.push(existing);
      } else {
        const [inserted] = await tx
          .insert(contacts)
          .values({ name: row.name, email: row.email, phone: row.phone, companyId: row.companyId, passwordHash: null, active: true, createdAt: now })
          .returning({ id: contacts.id });
        byMainEmail.set(row.email, inserted!.id);
        created.push(inserted!.id);
      }
    }
    return { created, updated };
  });
}
