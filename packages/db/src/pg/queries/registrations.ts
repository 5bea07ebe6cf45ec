import { and, eq, gt, isNull } from 'drizzle-orm';
import type { PendingRegistration, RegistrationOutcome } from '../../queries/registrations.js';
import type { PgExecutor } from '../executor.js';
import { agents, contactEmails, contacts, pendingRegistrations } from '../schema.js';
import { inTransactionPg, lockKeyPg } from './in-transaction.js';

/** queries/registrations.ts on PostgreSQL (customer self-registration, issue 17). */

/**
 * The lock every twin here that gives an address to a new account takes (this file and team.ts): the
 * "nobody uses it" check and the insert are then one step, as under SQLite's BEGIN IMMEDIATE, also
 * across tables the unique indexes cannot see together (an agent and a contact with one address).
 */
export function lockAddressPg(tx: PgExecutor, email: string): Promise<void> {
  return lockKeyPg(tx, `address:${email}`);
}

export async function isAddressInUsePg(db: PgExecutor, email: string): Promise<boolean> {
  const normalized = email.trim().toLowerCase();
  if ((await db.select({ id: agents.id }).from(agents).where(eq(agents.email, normalized))).length) return true;
  if ((await db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, normalized))).length) return true;
  return (await db.select({ id: contactEmails.id }).from(contactEmails).where(eq(contactEmails.email, normalized))).length > 0;
}

export async function insertPendingRegistrationPg(
  db: PgExecutor,
  row: { tokenHash: string; email: string; name: string; language: 'pt-BR' | 'en'; now: number; expiresAt: number },
): Promise<void> {
  const email = row.email.trim().toLowerCase();
  await inTransactionPg(db, async (tx) => {
    // Two sign-ups for one address at once: serialized, only the latest link stays usable.
    await lockKeyPg(tx, `pending_registrations:${email}`);
    await tx
      .update(pendingRegistrations)
      .set({ usedAt: row.now })
      .where(and(eq(pendingRegistrations.email, email), isNull(pendingRegistrations.usedAt)));
    await tx
      .insert(pendingRegistrations)
      .values({ tokenHash: row.tokenHash, email, name: row.name.trim(), language: row.language, createdAt: row.now, expiresAt: row.expiresAt });
  });
}

export async function findUsablePendingRegistrationPg(db: PgExecutor, tokenHash: string, now: number): Promise<PendingRegistration | null> {
  const [row] = await db
    .select()
    .from(pendingRegistrations)
    .where(and(eq(pendingRegistrations.tokenHash, tokenHash), isNull(pendingRegistrations.usedAt), gt(pendingRegistrations.expiresAt, now)));
  return row ?? null;
}

/**
 * The conditional UPDATE … RETURNING picks the one winner of racing clicks on a link; the address lock
 * makes the in-use check and the insert one step against an agent being created with that address.
 */
export async function completeRegistrationPg(db: PgExecutor, params: { tokenHash: string; passwordHash: string; now: number }): Promise<RegistrationOutcome> {
  return inTransactionPg(db, async (tx) => {
    const [spent] = await tx
      .update(pendingRegistrations)
      .set({ usedAt: params.now })
      .where(and(eq(pendingRegistrations.tokenHash, params.tokenHash), isNull(pendingRegistrations.usedAt), gt(pendingRegistrations.expiresAt, params.now)))
      .returning();
    if (!spent) return { ok: false, reason: 'link_invalid' } as const;
    await lockAddressPg(tx, spent.email);
    if (await isAddressInUsePg(tx, spent.email)) return { ok: false, reason: 'email_taken' } as const;
    // A contact given this address by code that takes no address lock (the directory) still cannot
    // make a second one: the unique index answers, and the outcome is SQLite's, not an error.
    const [contact] = await tx
      .insert(contacts)
      .values({ name: spent.name, email: spent.email, phone: null, companyId: null, passwordHash: params.passwordHash, active: true, language: spent.language, createdAt: params.now })
      .onConflictDoNothing({ target: contacts.email })
      .returning({ id: contacts.id });
    if (!contact) return { ok: false, reason: 'email_taken' } as const;
    return { ok: true, contactId: contact.id, name: spent.name, email: spent.email } as const;
  });
}
