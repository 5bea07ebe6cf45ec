import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { messageIdFor, type NewOutboxMail, type OutboxRecord } from '../../queries/outbox.js';
import type { PgDb } from '../client.js';
import type { PgExecutor } from '../executor.js';
import { outbox } from '../schema.js';

/**
 * Records an e-mail inside the caller's transaction. ON CONFLICT on the unique dedupe_key: a repeated
 * or concurrent run (even on another instance) inserts nothing and gets false.
 */
export async function enqueueMailPg(tx: PgExecutor, mail: NewOutboxMail, now: number, messageDomain = 'atende.local'): Promise<boolean> {
  const inserted = await tx
    .insert(outbox)
    .values({ ...mail, messageId: messageIdFor(mail.dedupeKey, messageDomain), status: 'pending', nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
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
