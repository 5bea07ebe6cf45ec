import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { cannedReplies } from '../schema.js';

export type CannedReplyRecord = typeof cannedReplies.$inferSelect;

/** The replies an agent may use: the team's shared ones and their own, by title. */
export function listCannedReplies(db: Db, agentId: number): CannedReplyRecord[] {
  return db
    .select()
    .from(cannedReplies)
    .where(or(isNull(cannedReplies.ownerAgentId), eq(cannedReplies.ownerAgentId, agentId)))
    .orderBy(asc(cannedReplies.title), asc(cannedReplies.id))
    .all();
}

export function getCannedReply(db: Db, id: number): CannedReplyRecord | null {
  return db.select().from(cannedReplies).where(eq(cannedReplies.id, id)).get() ?? null;
}

/** `ownerAgentId` null: shared with the whole team. */
export function createCannedReply(db: Db, input: { title: string; body: string; ownerAgentId: number | null; now: number }): CannedReplyRecord {
  return db
    .insert(cannedReplies)
    .values({ title: input.title, body: input.body, ownerAgentId: input.ownerAgentId, createdAt: input.now, updatedAt: input.now })
    .returning()
    .get();
}

export function deleteCannedReply(db: Db, id: number): boolean {
  return db.delete(cannedReplies).where(and(eq(cannedReplies.id, id))).run().changes > 0;
}
