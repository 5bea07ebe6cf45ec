import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { outbox } from '../schema.js';
import { cached } from './prepared.js';

export type OutboxRecord = typeof outbox.$inferSelect;

/** An e-mail to record; the caller renders it (text + escaped HTML). */
export interface NewOutboxMail {
  dedupeKey: string;
  ticketId: number | null;
  kind: string;
  toAddress: string;
  replyTo: string | null;
  subject: string;
  textBody: string;
  htmlBody: string;
  /** The domain of its Message-ID: the portal's own mail domain (MAIL_REPLY_DOMAIN). */
  messageDomain: string;
  /** Carries the files of the message written in the same change (set by changeTicket). */
  withMessageFiles?: boolean;
  sourceMessageId?: number | null;
}

/** The Message-ID follows from the dedupe key, so every delivery attempt of one e-mail carries the same one. */
export function messageIdFor(dedupeKey: string, domain: string): string {
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 32)}@${domain}>`;
}

/**
 * Records an e-mail inside the caller's transaction. A second insert with the same dedupe key does
 * nothing and returns false: repeated or concurrent runs cannot record a message twice.
 */
export function enqueueMail(tx: Db, mail: NewOutboxMail, now: number): boolean {
  // Prepared once: every ticket change and automation records its e-mails through here.
  const insert = cached(tx, 'enqueueMail', () =>
    tx
      .insert(outbox)
      .values({
        dedupeKey: sql.placeholder('dedupeKey'),
        ticketId: sql.placeholder('ticketId'),
        kind: sql.placeholder('kind'),
        toAddress: sql.placeholder('toAddress'),
        replyTo: sql.placeholder('replyTo'),
        subject: sql.placeholder('subject'),
        textBody: sql.placeholder('textBody'),
        htmlBody: sql.placeholder('htmlBody'),
        messageId: sql.placeholder('messageId'),
        sourceMessageId: sql.placeholder('sourceMessageId'),
        status: 'pending',
        nextAttemptAt: sql.placeholder('now'),
        createdAt: sql.placeholder('now'),
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .prepare(),
  );
  const { messageDomain, withMessageFiles: _withFiles, ...row } = mail;
  return insert.run({ ...row, sourceMessageId: row.sourceMessageId ?? null, messageId: messageIdFor(mail.dedupeKey, messageDomain), now }).changes > 0;
}

/**
 * Claims up to `limit` due messages for one relay: a short transaction sets `locked_until`, so another
 * relay (or this one after a crash, once the lease lapses) skips them meanwhile.
 */
export function claimDueMail(db: Db, params: { now: number; leaseMs: number; limit: number }): OutboxRecord[] {
  return writeTransaction(db, (tx) => {
    const rows = tx
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.status, 'pending'),
          lte(outbox.nextAttemptAt, params.now),
          or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, params.now)),
        ),
      )
      .orderBy(outbox.status, outbox.nextAttemptAt, outbox.id)
      .limit(params.limit)
      .all();
    for (const row of rows) {
      tx.update(outbox).set({ lockedUntil: params.now + params.leaseMs }).where(eq(outbox.id, row.id)).run();
    }
    return rows.map((row) => ({ ...row, lockedUntil: params.now + params.leaseMs }));
  });
}

export function markMailSent(db: Db, id: number, now: number): void {
  db.update(outbox)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, attempts: sql`${outbox.attempts} + 1`, lastError: null })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .run();
}

/** A failed attempt: retried at `retryAt`, or recorded as a permanent failure (never dropped). */
export function markMailFailed(db: Db, id: number, params: { now: number; error: string; retryAt: number | null }): void {
  db.update(outbox)
    .set({
      status: params.retryAt === null ? 'failed' : 'pending',
      attempts: sql`${outbox.attempts} + 1`,
      nextAttemptAt: params.retryAt ?? params.now,
      lockedUntil: null,
      lastError: params.error.slice(0, 1000),
    })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending')))
    .run();
}

/** The local mailbox: newest first, keyset on id. */
export function listOutbox(db: Db, params: { beforeId: number | null; limit: number }): OutboxRecord[] {
  return db
    .select()
    .from(outbox)
    .where(params.beforeId === null ? undefined : lt(outbox.id, params.beforeId))
    .orderBy(desc(outbox.id))
    .limit(params.limit)
    .all();
}

export function getOutboxMail(db: Db, id: number): OutboxRecord | null {
  return db.select().from(outbox).where(eq(outbox.id, id)).get() ?? null;
}

export function outboxForTicket(db: Db, ticketId: number): OutboxRecord[] {
  return db.select().from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(outbox.id).all();
}

/**
 * The Message-ID of a ticket's first e-mail: every later one says In-Reply-To/References it, so mail
 * apps show a ticket's messages as one thread. Null when this is the first.
 */
export function firstMailMessageIdOfTicket(db: Db, ticketId: number): string | null {
  return db.select({ messageId: outbox.messageId }).from(outbox).where(eq(outbox.ticketId, ticketId)).orderBy(asc(outbox.id)).limit(1).get()?.messageId ?? null;
}

/** The ticket an e-mail we sent belongs to, by its Message-ID (inbound replies name it in References). */
export function ticketOfSentMessageId(db: Db, messageIds: readonly string[]): number | null {
  if (messageIds.length === 0) return null;
  return db.select({ ticketId: outbox.ticketId }).from(outbox).where(inArray(outbox.messageId, [...messageIds])).limit(1).get()?.ticketId ?? null;
}
