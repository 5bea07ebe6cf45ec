import { and, asc, eq, sql } from 'drizzle-orm';
import type { HeldMailRecord, NewHeldMail } from '../../queries/held-mail.js';
import type { PgExecutor } from '../executor.js';
import { contacts, heldMail, messages } from '../schema.js';

/** The held-mail queries of queries/held-mail.ts on PostgreSQL: same parameters and results, as promises. */

/** ON CONFLICT on held_mail_message_id_unique: a delivery retried on another instance is held once. */
export async function insertHeldMailPg(tx: PgExecutor, mail: NewHeldMail): Promise<HeldMailRecord | null> {
  const [row] = await tx.insert(heldMail).values(mail).onConflictDoNothing({ target: heldMail.mailMessageId }).returning();
  return row ?? null;
}

export async function heldMailOfTicketPg(db: PgExecutor, ticketId: number): Promise<HeldMailRecord[]> {
  return db.select().from(heldMail).where(and(eq(heldMail.ticketId, ticketId), eq(heldMail.status, 'held'))).orderBy(asc(heldMail.id));
}

export async function getHeldMailPg(db: PgExecutor, id: number): Promise<HeldMailRecord | null> {
  const [row] = await db.select().from(heldMail).where(eq(heldMail.id, id));
  return row ?? null;
}

/**
 * Conditional on `held`: two agents deciding at once, the second waits for the first's row lock,
 * re-reads the committed row, no longer finds it held and changes nothing (false).
 */
export async function decideHeldMailPg(
  tx: PgExecutor,
  params: { id: number; status: 'accepted' | 'discarded'; agentId: number; now: number; messageId?: number | null },
): Promise<boolean> {
  const result = await tx
    .update(heldMail)
    .set({ status: params.status, decidedBy: params.agentId, decidedAt: params.now, messageId: params.messageId ?? null })
    .where(and(eq(heldMail.id, params.id), eq(heldMail.status, 'held')));
  return result.rowCount === 1;
}

export async function insertContactForSenderPg(tx: PgExecutor, params: { name: string; email: string; companyId: number | null; now: number }): Promise<number> {
  const [row] = await tx
    .insert(contacts)
    .values({ name: params.name, email: params.email.toLowerCase(), companyId: params.companyId, createdAt: params.now })
    .returning({ id: contacts.id });
  return row!.id;
}

export async function lastMessageIdOfTicketPg(db: PgExecutor, ticketId: number): Promise<number | null> {
  const [row] = await db.select({ id: sql<number | null>`max(${messages.id})` }).from(messages).where(eq(messages.ticketId, ticketId));
  return row?.id ?? null;
}
