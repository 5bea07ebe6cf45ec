import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { messageIdFor, type NewOutboxMail, type OutboxRecord } from '../../queries/outbox.js';
import type { PgDb } from '../client.js';
import { builtOnce, placeholdersOf, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { outbox } from '../schema.js';

/**
 * Records an e-mail inside the caller's transaction. ON CONFLICT on the unique dedupe_key: a repeated
 * or concurrent run (even on another instance) inserts nothing and gets false.
 */
export async function enqueueMailPg(tx: PgExecutor, mail: NewOutboxMail, now: number): Promise<boolean> {
  const row = { ...mail, messageId: messageIdFor(mail.dedupeKey, mail.messageDomain), status: 'pending' as const, nextAttemptAt: now, createdAt: now };
  const { keys, values } = placeholdersOf(row);
  const query = builtOnce(tx, `enqueueMail:${keys}`, () =>
    tx.insert(outbox).values(values).onConflictDoNothing({ target: outbox.dedupeKey }).returning({ id: outbox.id }).prepare(UNNAMED),
  );
  const inserted = await query.execute(row);
  return inserted.length > 0;
}

/**
 * Claims up to `limit` due messages for one relay. FOR UPDATE SKIP LOCKED: relays on several
 * instances claiming at the same moment take disjoint rows instead of waiting on each other; the
 * `locked_until` lease then keeps them out of other claims until it lapses (a crashed relay's rows
 * come back).
 */
export async function claimDueMailPg(db: PgDb, params: { now: number; leaseMs: number; limit: number }): Promise<OutboxRecord[]> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, params.now), or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, params.now))))
      .orderBy(outbox.status, outbox.nextAttemptAt, outbox.id)
      .limit(params.limit)
      .for('update', { skipLocked: true });
    if (!due.length) return [];
    const claimed = await tx
      .update(outbox)
      .set({ lockedUntil: params.now + params.leaseMs })
      .where(sql`${outbox.id} IN (${sql.join(
        due.map((row) => sql`${row.id}`),
        sql`, `,
      )})`)
      .returning();
    return claimed.sort((a, b) => a.nextAttemptAt - b.nextAttemptAt || a.id - b.id) as OutboxRecord[];
  });
}

export async function markMailSentPg(db: PgExecutor, id: number, now: number): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

/** A failed attempt: retried at `retryAt`, or recorded as a permanent failure (never dropped). */
export async function markMailFailedPg(db: PgExecutor, id: number, params: { now: number; error: string; retryAt: number | null }): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: params.retryAt === null ? 'failed' : 'pending',
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: params.retryAt ?? params.now,
      lockedUntil: null,
      // String.slice counts UTF-16 units, as SQLite's caller did: the same text is stored on both.
      lastError: params.error.slice(0, 1000),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')));
}

export async function listOutboxPg(db: PgExecutor, params: { beforeId: number | null; limit: number }): Promise<OutboxRecord[]> {
  return db
    .select()
    .from(outbox)
    .where(params.beforeId === null ? undefined : lt(outbox.id, params.beforeId))
    .orderBy(desc(outbox.id))
    .limit(params.limit);
}

export async function getOutboxMailPg(db: PgExecutor, id: number): Promise<OutboxRecord | null> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row ?? null;
}

export async function outboxForTicketPg(db: PgExecutor, ticketId: number): Promise<OutboxRecord[]> {
  return db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(outbox.id);
}

export async function firstMailMessageIdOfTicketPg(db: PgExecutor, ticketId: number): Promise<string | null> {
  const [row] = await db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(asc(outbox.id)).limit(1);
  return row?.messageId ?? null;
}

/**
 * SQLite takes whichever matching row it meets first (no order, no index on message_id: a scan);
 * here the lowest id among them, which is the row SQLite's rowid scan meets first.
 */
export async function ticketOfSentMessageIdPg(db: PgExecutor, messageIds: readonly string[]): Promise<number | null> {
  if (messageIds.length === 0) return null;
  const [row] = await db
    .select({ ticketId: outbox.ticketId })
    .from(outbox)
    .where(inArray(outbox.messageId, [...messageIds]))
    .orderBy(asc(outbox.id))
    .limit(1);
  return row?.ticketId ?? null;
}
