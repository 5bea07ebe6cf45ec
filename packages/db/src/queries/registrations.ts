import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { agents, contactEmails, contacts, pendingRegistrations } from '../schema.js';

/**
 * Customer self-registration (issue 17): a sign-up is a pending row until the link e-mailed to the
 * address is used; then, in one transaction, the link is spent and the contact created with its password.
 */
export type PendingRegistration = typeof pendingRegistrations.$inferSelect;

/** Whether anyone (agent, contact's main or other address) already uses this address. */
export function isAddressInUse(db: Db, email: string): boolean {
  const normalized = email.trim().toLowerCase();
  return Boolean(
    db.select({ id: agents.id }).from(agents).where(eq(agents.email, normalized)).get() ??
      db.select({ id: contacts.id }).from(contacts).where(eq(contacts.email, normalized)).get() ??
      db.select({ id: contactEmails.id }).from(contactEmails).where(eq(contactEmails.email, normalized)).get(),
  );
}

/** Stores a sign-up (its link's hash only). An earlier unused link for the same address stops working. */
export function insertPendingRegistration(
  db: Db,
  row: { tokenHash: string; email: string; name: string; language: 'pt-BR' | 'en'; now: number; expiresAt: number },
): void {
  const email = row.email.trim().toLowerCase();
  writeTransaction(db, (tx) => {
    tx.update(pendingRegistrations)
      .set({ usedAt: row.now })
      .where(and(eq(pendingRegistrations.email, email), isNull(pendingRegistrations.usedAt)))
      .run();
    tx.insert(pendingRegistrations)
      .values({ tokenHash: row.tokenHash, email, name: row.name.trim(), language: row.language, createdAt: row.now, expiresAt: row.expiresAt })
      .run();
  });
}

/** A sign-up link that can still be used (read-only: opening the e-mailed link never writes). */
export function findUsablePendingRegistration(db: Db, tokenHash: string, now: number): PendingRegistration | null {
  return (
    db
      .select()
      .from(pendingRegistrations)
      .where(and(eq(pendingRegistrations.tokenHash, tokenHash), isNull(pendingRegistrations.usedAt), gt(pendingRegistrations.expiresAt, now)))
      .get() ?? null
  );
}

export type RegistrationOutcome =
  | { ok: true; contactId: number; name: string; email: string }
  | { ok: false; reason: 'link_invalid' | 'email_taken' };

/**
 * Spends the link and creates the contact (no company; an agent links one later) with its password and
 * language. The conditional UPDATE decides the winner of two racing clicks; an address taken since the
 * sign-up (an agent created the contact meanwhile) spends the link and creates nothing.
 */
export function completeRegistration(db: Db, params: { tokenHash: string; passwordHash: string; now: number }): RegistrationOutcome {
  return writeTransaction(db, (tx) => {
    const spent = tx
      .update(pendingRegistrations)
      .set({ usedAt: params.now })
      .where(and(eq(pendingRegistrations.tokenHash, params.tokenHash), isNull(pendingRegistrations.usedAt), gt(pendingRegistrations.expiresAt, params.now)))
      .returning()
      .get();
    if (!spent) return { ok: false, reason: 'link_invalid' } as const;
    if (isAddressInUse(tx, spent.email)) return { ok: false, reason: 'email_taken' } as const;
    const contact = tx
      .insert(contacts)
      .values({ name: spent.name, email: spent.email, phone: null, companyId: null, passwordHash: params.passwordHash, active: true, language: spent.language, createdAt: params.now })
      .returning({ id: contacts.id })
      .get();
    return { ok: true, contactId: contact.id, name: spent.name, email: spent.email } as const;
  });
}
