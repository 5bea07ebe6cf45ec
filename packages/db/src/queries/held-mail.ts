import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, heldMail, messages } from '../schema.js';

export type HeldMailRecord = typeof heldMail.$inferSelect;
export type NewHeldMail = Omit<typeof heldMail.$inferInsert, 'id' | 'status' | 'decidedBy' | 'decidedAt' | 'messageId'>;

/** Keeps an e-mail that may not be posted as the customer; null when this Message-ID is already held. */
export function insertHeldMail(tx: Db, mail: NewHeldMail): HeldMailRecord | null {
  return tx.insert(heldMail).values(mail).onConflictDoNothing({ target: heldMail.mailMessageId }).returning().get() ?? null;
}

/** A ticket's held e-mails still waiting for an agent, oldest first. */
export function heldMailOfTicket(db: Db, ticketId: number): HeldMailRecord[] {
  return db.select().from(heldMail).where(and(eq(heldMail.ticketId, ticketId), eq(heldMail.status, 'held'))).orderBy(asc(heldMail.id)).all();
}

export function getHeldMail(db: Db, id: number): HeldMailRecord | null {
  return db.select().from(heldMail).where(eq(heldMail.id, id)).get() ?? null;
}

/** Records an agent's decision; false when another agent decided first (conditional on `held`). */
export function decideHeldMail(tx: Db, params: { id: number; status: 'accepted' | 'discarded'; agentId: number; now: number; messageId?: number | null }): boolean {
  return (
    tx
      .update(heldMail)
      .set({ status: params.status, decidedBy: params.agentId, decidedAt: params.now, messageId: params.messageId ?? null })
      .where(and(eq(heldMail.id, params.id), eq(heldMail.status, 'held')))
      .run().changes === 1
  );
}

/** A contact for an accepted sender, in the ticket's company (no password: they may be invited later). */
export function insertContactForSender(tx: Db, params: { name: string; email: string; companyId: number | null; now: number }): number {
  return tx.insert(contacts).values({ name: params.name, email: params.email.toLowerCase(), companyId: params.companyId, createdAt: params.now }).returning({ id: contacts.id }).get().id;
}

/** The newest message of a ticket (the one an accepted e-mail just became, read in the same transaction). */
export function lastMessageIdOfTicket(db: Db, ticketId: number): number | null {
  return db.select({ id: sql<number | null>`max(${messages.id})` }).from(messages).where(eq(messages.ticketId, ticketId)).get()?.id ?? null;
}
