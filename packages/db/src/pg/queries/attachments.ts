import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { AttachmentAccess, AttachmentOwner, AttachmentRecord, AttachmentSummary } from '../../queries/attachments.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { attachments, messages, tickets } from '../schema.js';

/** The attachment queries of queries/attachments.ts on PostgreSQL: same parameters and results, as promises. */

export async function insertStagedAttachmentPg(
  db: PgExecutor,
  input: { sha256: string; size: number; mime: string; filename: string; owner: AttachmentOwner; now: number },
): Promise<AttachmentRecord> {
  const [row] = await db
    .insert(attachments)
    .values({ sha256: input.sha256, size: input.size, mime: input.mime, filename: input.filename, ownerKind: input.owner.kind, ownerId: input.owner.id, createdAt: input.now })
    .returning();
  return row!;
}

export async function stagedAttachmentsOfPg(db: PgExecutor, owner: AttachmentOwner, ids: readonly number[]): Promise<AttachmentRecord[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(attachments)
    .where(
      and(
        inArray(attachments.id, [...ids]),
        eq(attachments.ownerKind, owner.kind),
        owner.id === null ? isNull(attachments.ownerId) : eq(attachments.ownerId, owner.id),
        isNull(attachments.messageId),
        isNull(attachments.heldMailId),
      ),
    )
    // SQLite names no order but reads an IN list on the rowid in ascending id order: say so here.
    .orderBy(asc(attachments.id));
}

/** The conditional `message_id IS NULL` makes two claims of one file racing have one winner. */
export async function claimAttachmentsPg(tx: PgExecutor, params: { ids: readonly number[]; messageId: number; ticketId: number }): Promise<number> {
  if (params.ids.length === 0) return 0;
  const result = await tx
    .update(attachments)
    .set({ messageId: params.messageId, ticketId: params.ticketId })
    .where(and(inArray(attachments.id, [...params.ids]), isNull(attachments.messageId)));
  return result.rowCount ?? 0;
}

export async function holdAttachmentsPg(tx: PgExecutor, params: { ids: readonly number[]; heldMailId: number; ticketId: number }): Promise<void> {
  if (params.ids.length === 0) return;
  await tx.update(attachments).set({ heldMailId: params.heldMailId, ticketId: params.ticketId }).where(inArray(attachments.id, [...params.ids]));
}

export async function moveHeldAttachmentsToMessagePg(tx: PgExecutor, params: { heldMailId: number; messageId: number }): Promise<void> {
  await tx.update(attachments).set({ messageId: params.messageId }).where(eq(attachments.heldMailId, params.heldMailId));
}

export async function attachmentForAccessPg(db: PgExecutor, id: number): Promise<AttachmentAccess | null> {
  const [row] = await db
    .select({ attachment: attachments, visibility: messages.visibility, requesterId: tickets.requesterId })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .leftJoin(tickets, eq(tickets.id, attachments.ticketId))
    .where(eq(attachments.id, id));
  return row ? { ...row.attachment, visibility: row.visibility, requesterId: row.requesterId } : null;
}

export async function attachmentsOfMessagesPg(db: PgExecutor, messageIds: readonly number[]): Promise<Map<number, AttachmentSummary[]>> {
  const byMessage = new Map<number, AttachmentSummary[]>();
  if (messageIds.length === 0) return byMessage;
  // One text for any number of messages (an array parameter, not an IN list): built and prepared once.
  const query = builtOnce(db, 'attachmentsOfMessages', () =>
    db
      .select({ id: attachments.id, messageId: attachments.messageId, filename: attachments.filename, mime: attachments.mime, size: attachments.size })
      .from(attachments)
      .where(sql`${attachments.messageId} = ANY(${sql.placeholder('messageIds')}::int[])`)
      .orderBy(asc(attachments.id))
      .prepare(UNNAMED),
  );
  const rows = await query.execute({ messageIds: [...messageIds] });
  for (const row of rows) {
    const list = byMessage.get(row.messageId!) ?? [];
    list.push({ ...row, messageId: row.messageId! });
    byMessage.set(row.messageId!, list);
  }
  return byMessage;
}

export async function attachmentsOfHeldMailPg(db: PgExecutor, heldMailId: number): Promise<AttachmentRecord[]> {
  return db.select().from(attachments).where(eq(attachments.heldMailId, heldMailId)).orderBy(asc(attachments.id));
}

export async function attachmentsOfMessagePg(db: PgExecutor, messageId: number): Promise<AttachmentRecord[]> {
  return db.select().from(attachments).where(eq(attachments.messageId, messageId)).orderBy(asc(attachments.id));
}

/**
 * DELETE … RETURNING has no order on either engine; SQLite deletes in rowid order, so the hashes come
 * back in the order of their rows' ids here too (a CTE, since a DELETE takes no ORDER BY).
 */
export async function deleteAbandonedUploadsPg(db: PgExecutor, before: number): Promise<string[]> {
  const result = await db.execute<{ sha256: string }>(sql`
    WITH deleted AS (
      DELETE FROM ${attachments}
      WHERE ${attachments.messageId} IS NULL AND ${attachments.heldMailId} IS NULL AND ${attachments.createdAt} < ${before}
      RETURNING id, sha256
    )
    SELECT sha256 FROM deleted ORDER BY id`);
  return [...new Set(result.rows.map((r) => r.sha256))];
}

/** EXISTS stops at the first row of attachments_sha_idx (SQLite's count(*) > 0 gives the same answer). */
export async function isStoredHashReferencedPg(db: PgExecutor, sha256: string): Promise<boolean> {
  const result = await db.execute<{ found: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM ${attachments} WHERE ${attachments.sha256} = ${sha256}) AS found`);
  return result.rows[0]!.found;
}

/** SQLite names no order (it walks attachments_sha_idx): hex hashes, so ascending order is the same in any collation. */
export async function allAttachmentHashesPg(db: PgExecutor): Promise<string[]> {
  const rows = await db.selectDistinct({ sha256: attachments.sha256 }).from(attachments).orderBy(asc(attachments.sha256));
  return rows.map((r) => r.sha256);
}
