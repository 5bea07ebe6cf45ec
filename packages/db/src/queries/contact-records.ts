import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { accountTokens, agents, companies, contactEmails, contacts, sessions } from '../schema.js';

/**
 * Creating and editing companies and contacts (Clientes), a contact's several e-mail addresses, and
 * deactivation. E-mails are stored lower-cased; one address is one person across agents and contacts.
 */
export interface ContactInput {
  name: string;
  email: string;
  /** E.164 (normalized by the caller) or null. */
  phone: string | null;
  companyId: number | null;
  /** Other addresses of the same person (inbound mail from any of them counts as the contact). */
  extraEmails: string[];
}

export type ContactWriteProblem = { field: 'email' | `extraEmails.${number}`; reason: 'taken_by_agent' | 'taken_by_contact' | 'repeated' } | { field: 'companyId'; reason: 'unknown_company' };

export interface ContactFoundByEmail {
  id: number;
  name: string;
  email: string;
  active: boolean;
  companyId: number | null;
}

/** The contact owning this address, as main e-mail or one of the others (inbound mail, imports). */
export function findContactByAnyEmail(db: Db, email: string): ContactFoundByEmail | null {
  const normalized = email.trim().toLowerCase();
  const columns = { id: contacts.id, name: contacts.name, email: contacts.email, active: contacts.active, companyId: contacts.companyId };
  const main = db.select(columns).from(contacts).where(eq(contacts.email, normalized)).get();
  if (main) return main;
  return db.select(columns).from(contactEmails).innerJoin(contacts, eq(contacts.id, contactEmails.contactId)).where(eq(contactEmails.email, normalized)).get() ?? null;
}

export function listContactEmails(db: Db, contactId: number): string[] {
  return db.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, contactId)).orderBy(asc(contactEmails.id)).all().map((r) => r.email);
}

/** Who else uses an address: an agent, another contact (main or extra), or nobody. */
function addressOwner(db: Db, email: string, exceptContactId: number | null): 'taken_by_agent' | 'taken_by_contact' | null {
  if (db.select({ id: agents.id }).from(agents).where(eq(agents.email, email)).get()) return 'taken_by_agent';
  const other = exceptContactId === null ? undefined : exceptContactId;
  const main = db.select({ id: contacts.id }).from(contacts).where(other === undefined ? eq(contacts.email, email) : and(eq(contacts.email, email), ne(contacts.id, other))).get();
  if (main) return 'taken_by_contact';
  const extra = db
    .select({ id: contactEmails.id })
    .from(contactEmails)
    .where(other === undefined ? eq(contactEmails.email, email) : and(eq(contactEmails.email, email), ne(contactEmails.contactId, other)))
    .get();
  return extra ? 'taken_by_contact' : null;
}

function checkContact(db: Db, input: ContactInput, contactId: number | null): ContactWriteProblem | null {
  if (input.companyId !== null && !db.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId)).get()) {
    return { field: 'companyId', reason: 'unknown_company' };
  }
  const seen = new Set<string>();
  const all = [input.email, ...input.extraEmails].map((e) => e.trim().toLowerCase());
  for (const [i, email] of all.entries()) {
    const field = i === 0 ? ('email' as const) : (`extraEmails.${i - 1}` as const);
    if (seen.has(email)) return { field, reason: 'repeated' };
    seen.add(email);
    const owner = addressOwner(db, email, contactId);
    if (owner) return { field, reason: owner };
  }
  return null;
}

function writeExtraEmails(db: Db, contactId: number, extra: string[], now: number) {
  db.delete(contactEmails).where(eq(contactEmails.contactId, contactId)).run();
  for (const email of extra) db.insert(contactEmails).values({ contactId, email: email.trim().toLowerCase(), createdAt: now }).run();
}

export function insertContact(db: Db, input: ContactInput, now: number): { ok: true; id: number } | { ok: false; problem: ContactWriteProblem } {
  return writeTransaction(db, (tx) => {
    const problem = checkContact(tx, input, null);
    if (problem) return { ok: false, problem } as const;
    const row = tx
      .insert(contacts)
      .values({ name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: input.phone, companyId: input.companyId, passwordHash: null, active: true, createdAt: now })
      .returning({ id: contacts.id })
      .get();
    writeExtraEmails(tx, row.id, input.extraEmails, now);
    return { ok: true, id: row.id } as const;
  });
}

/** null: no such contact. */
export function updateContact(db: Db, id: number, input: ContactInput, now: number): { ok: true } | { ok: false; problem: ContactWriteProblem } | null {
  return writeTransaction(db, (tx) => {
    if (!tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id)).get()) return null;
    const problem = checkContact(tx, input, id);
    if (problem) return { ok: false, problem } as const;
    tx.update(contacts)
      .set({ name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: input.phone, companyId: input.companyId })
      .where(eq(contacts.id, id))
      .run();
    writeExtraEmails(tx, id, input.extraEmails, now);
    return { ok: true } as const;
  });
}

/**
 * Deactivating a contact refuses their sign-in and ends their sessions; tickets and history stay.
 * Reactivating lets them sign in again. Returns false for an unknown contact.
 */
export function setContactActive(db: Db, id: number, active: boolean): boolean {
  return writeTransaction(db, (tx) => {
    // An unused invitation or reset link would let the person back in (accepting an invitation activates).
    if (!active) tx.delete(accountTokens).where(and(eq(accountTokens.accountKind, 'contact'), eq(accountTokens.accountId, id), isNull(accountTokens.usedAt))).run();
    const changed = tx.update(contacts).set({ active }).where(eq(contacts.id, id)).run().changes > 0;
    if (changed && !active) tx.delete(sessions).where(and(eq(sessions.actorKind, 'contact'), eq(sessions.actorId, id))).run();
    return changed;
  });
}

export interface CompanyInput {
  name: string;
  document: string | null;
  phone: string | null;
}

export function insertCompany(db: Db, input: CompanyInput, now: number): typeof companies.$inferSelect {
  return db.insert(companies).values({ ...input, name: input.name.trim(), createdAt: now }).returning().get();
}

export function updateCompany(db: Db, id: number, input: CompanyInput): typeof companies.$inferSelect | null {
  return db.update(companies).set({ ...input, name: input.name.trim() }).where(eq(companies.id, id)).returning().get() ?? null;
}

/** Every company by name (the Empresa select and CSV imports that name a company). */
export function listCompanies(db: Db): { id: number; name: string }[] {
  return db.select({ id: companies.id, name: companies.name }).from(companies).orderBy(asc(companies.name), asc(companies.id)).all();
}

export function companiesByIds(db: Db, ids: number[]): { id: number; name: string }[] {
  return ids.length ? db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, ids)).all() : [];
}
