import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { CompanyRecord } from '../../queries/directory.js';
import type { CompanyInput, ContactFoundByEmail, ContactInput, ContactWriteProblem } from '../../queries/contact-records.js';
import type { PgExecutor } from '../executor.js';
import { accountTokens, agents, companies, contactEmails, contacts, sessions } from '../schema.js';
import { lockAddressBookPg } from './address-lock.js';

/** The twins of queries/contact-records.ts: same parameters and results, as promises. */

export async function findContactByAnyEmailPg(db: PgExecutor, email: string): Promise<ContactFoundByEmail | null> {
  const normalized = email.trim().toLowerCase();
  const columns = { id: contacts.id, name: contacts.name, email: contacts.email, active: contacts.active, companyId: contacts.companyId };
  const [main] = await db.select(columns).from(contacts).where(eq(contacts.email, normalized));
  if (main) return main;
  const [other] = await db.select(columns).from(contactEmails).innerJoin(contacts, eq(contacts.id, contactEmails.contactId)).where(eq(contactEmails.email, normalized));
  return other ?? null;
}

export async function listContactEmailsPg(db: PgExecutor, contactId: number): Promise<string[]> {
  const rows = await db.select({ email: contactEmails.email }).from(contactEmails).where(eq(contactEmails.contactId, contactId)).orderBy(asc(contactEmails.id));
  return rows.map((r) => r.email);
}

async function addressOwner(db: PgExecutor, email: string, exceptContactId: number | null): Promise<'taken_by_agent' | 'taken_by_contact' | null> {
  if ((await db.select({ id: agents.id }).from(agents).where(eq(agents.email, email)).limit(1)).length) return 'taken_by_agent';
  const main = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(exceptContactId === null ? eq(contacts.email, email) : and(eq(contacts.email, email), ne(contacts.id, exceptContactId)))
    .limit(1);
  if (main.length) return 'taken_by_contact';
  const extra = await db
    .select({ id: contactEmails.id })
    .from(contactEmails)
    .where(exceptContactId === null ? eq(contactEmails.email, email) : and(eq(contactEmails.email, email), ne(contactEmails.contactId, exceptContactId)))
    .limit(1);
  return extra.length ? 'taken_by_contact' : null;
}

async function checkContact(db: PgExecutor, input: ContactInput, contactId: number | null): Promise<ContactWriteProblem | null> {
  if (input.companyId !== null && !(await db.select({ id: companies.id }).from(companies).where(eq(companies.id, input.companyId))).length) {
    return { field: 'companyId', reason: 'unknown_company' };
  }
  const seen = new Set<string>();
  const all = [input.email, ...input.extraEmails].map((e) => e.trim().toLowerCase());
  for (const [i, email] of all.entries()) {
    const field = i === 0 ? ('email' as const) : (`extraEmails.${i - 1}` as const);
    if (seen.has(email)) return { field, reason: 'repeated' };
    seen.add(email);
    const owner = await addressOwner(db, email, contactId);
    if (owner) return { field, reason: owner };
  }
  return null;
}

async function writeExtraEmails(db: PgExecutor, contactId: number, extra: string[], now: number): Promise<void> {
  await db.delete(contactEmails).where(eq(contactEmails.contactId, contactId));
  // One row at a time, in the given order: ids (the listing order) follow the input as on SQLite.
  for (const email of extra) await db.insert(contactEmails).values({ contactId, email: email.trim().toLowerCase(), createdAt: now });
}

export async function insertContactPg(db: PgExecutor, input: ContactInput, now: number): Promise<{ ok: true; id: number } | { ok: false; problem: ContactWriteProblem }> {
  return db.transaction(async (tx) => {
    await lockAddressBookPg(tx);
    const problem = await checkContact(tx, input, null);
    if (problem) return { ok: false, problem } as const;
    const [row] = await tx
      .insert(contacts)
      .values({ name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: input.phone, companyId: input.companyId, passwordHash: null, active: true, createdAt: now })
      .returning({ id: contacts.id });
    await writeExtraEmails(tx, row!.id, input.extraEmails, now);
    return { ok: true, id: row!.id } as const;
  });
}

/** null: no such contact. */
export async function updateContactPg(
  db: PgExecutor,
  id: number,
  input: ContactInput,
  now: number,
): Promise<{ ok: true } | { ok: false; problem: ContactWriteProblem } | null> {
  return db.transaction(async (tx) => {
    await lockAddressBookPg(tx);
    if (!(await tx.select({ id: contacts.id }).from(contacts).where(eq(contacts.id, id))).length) return null;
    const problem = await checkContact(tx, input, id);
    if (problem) return { ok: false, problem } as const;
    await tx
      .update(contacts)
      .set({ name: input.name.trim(), email: input.email.trim().toLowerCase(), phone: input.phone, companyId: input.companyId })
      .where(eq(contacts.id, id));
    await writeExtraEmails(tx, id, input.extraEmails, now);
    return { ok: true } as const;
  });
}

/** Deactivating ends the contact's sessions in the same transaction; false for an unknown contact. */
export async function setContactActivePg(db: PgExecutor, id: number, active: boolean): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Unused links first, in the order a sign-in link is spent (token, then account): no deadlock.
    if (!active) await tx.delete(accountTokens).where(and(eq(accountTokens.accountKind, 'contact'), eq(accountTokens.accountId, id), isNull(accountTokens.usedAt)));
    const changed = (await tx.update(contacts).set({ active }).where(eq(contacts.id, id)).returning({ id: contacts.id })).length > 0;
    if (changed && !active) await tx.delete(sessions).where(and(eq(sessions.actorKind, 'contact'), eq(sessions.actorId, id)));
    return changed;
  });
}

export async function insertCompanyPg(db: PgExecutor, input: CompanyInput, now: number): Promise<CompanyRecord> {
  const [row] = await db.insert(companies).values({ ...input, name: input.name.trim(), createdAt: now }).returning();
  return row!;
}

export async function updateCompanyPg(db: PgExecutor, id: number, input: CompanyInput): Promise<CompanyRecord | null> {
  const [row] = await db.update(companies).set({ ...input, name: input.name.trim() }).where(eq(companies.id, id)).returning();
  return row ?? null;
}

/** Names byte-wise (COLLATE "C"): SQLite's BINARY order. */
export async function listCompaniesPg(db: PgExecutor): Promise<{ id: number; name: string }[]> {
  return db.select({ id: companies.id, name: companies.name }).from(companies).orderBy(sql`${companies.name} COLLATE "C"`, asc(companies.id));
}

/** In id order: SQLite walks an `id IN (…)` list sorted, and the callers get that order. */
export async function companiesByIdsPg(db: PgExecutor, ids: number[]): Promise<{ id: number; name: string }[]> {
  return ids.length ? db.select({ id: companies.id, name: companies.name }).from(companies).where(inArray(companies.id, ids)).orderBy(asc(companies.id)) : [];
}
