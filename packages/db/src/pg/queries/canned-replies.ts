import { asc, eq, isNull, or, sql } from 'drizzle-orm';
import type { CannedReplyRecord } from '../../queries/canned-replies.js';
import type { PgExecutor } from '../executor.js';
import { cannedReplies } from '../schema.js';

/** queries/canned-replies.ts on PostgreSQL. */

/** The team's shared replies and the agent's own, titles in byte order (SQLite's BINARY), then id. */
export async function listCannedRepliesPg(db: PgExecutor, agentId: number): Promise<CannedReplyRecord[]> {
  return db
    .select()
    .from(cannedReplies)
    .where(or(isNull(cannedReplies.ownerAgentId), eq(cannedReplies.ownerAgentId, agentId)))
    .orderBy(sql`${cannedReplies.title} COLLATE "C"`, asc(cannedReplies.id));
}

export async function getCannedReplyPg(db: PgExecutor, id: number): Promise<CannedReplyRecord | null> {
  const [row] = await db.select().from(cannedReplies).where(eq(cannedReplies.id, id));
  return row ?? null;
}

export async function createCannedReplyPg(db: PgExecutor, input: { title: string; body: string; ownerAgentId: number | null; now: number }): Promise<CannedReplyRecord> {
  const [row] = await db
    .insert(cannedReplies)
    .values({ title: input.title, body: input.body, ownerAgentId: input.ownerAgentId, createdAt: input.now, updatedAt: input.now })
    .returning();
  return row!;
}

export async function deleteCannedReplyPg(db: PgExecutor, id: number): Promise<boolean> {
  return (await db.delete(cannedReplies).where(eq(cannedReplies.id, id)).returning({ id: cannedReplies.id })).length > 0;
}
