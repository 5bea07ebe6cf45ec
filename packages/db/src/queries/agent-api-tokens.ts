import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agentApiTokens, agents } from '../schema.js';

/** Agent API tokens: the caller hashes; this file stores and looks up hashes only. */

export function insertAgentApiToken(db: Db, input: { agentId: number; name: string; tokenHash: string; now: number }): { id: number } {
  return db.insert(agentApiTokens).values({ agentId: input.agentId, name: input.name, tokenHash: input.tokenHash, createdAt: input.now }).returning({ id: agentApiTokens.id }).get();
}

/** Revokes one of the agent's own tokens; revoking twice, or a token that is not theirs, changes nothing. */
export function revokeAgentApiToken(db: Db, input: { agentId: number; id: number; now: number }): boolean {
  const row = db
    .update(agentApiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(agentApiTokens.id, input.id), eq(agentApiTokens.agentId, input.agentId), isNull(agentApiTokens.revokedAt)))
    .returning({ id: agentApiTokens.id })
    .get();
  return row !== undefined;
}

/** The active agent behind an unrevoked token hash, or null. */
export function agentForApiToken(db: Db, tokenHash: string): { id: number; name: string; role: 'agent' | 'admin' } | null {
  return (
    db
      .select({ id: agents.id, name: agents.name, role: agents.role })
      .from(agentApiTokens)
      .innerJoin(agents, eq(agents.id, agentApiTokens.agentId))
      .where(and(eq(agentApiTokens.tokenHash, tokenHash), isNull(agentApiTokens.revokedAt), eq(agents.active, true)))
      .get() ?? null
  );
}

/** The agent's own tokens, newest first (never the hash). */
export function listAgentApiTokens(db: Db, agentId: number): { id: number; name: string; createdAt: number; revokedAt: number | null }[] {
  return db
    .select({ id: agentApiTokens.id, name: agentApiTokens.name, createdAt: agentApiTokens.createdAt, revokedAt: agentApiTokens.revokedAt })
    .from(agentApiTokens)
    .where(eq(agentApiTokens.agentId, agentId))
    .orderBy(desc(agentApiTokens.id))
    .all();
}

/** Whether this token id exists and belongs to the agent (revoked or not). */
export function ownsAgentApiToken(db: Db, input: { agentId: number; id: number }): boolean {
  return db.select({ id: agentApiTokens.id }).from(agentApiTokens).where(and(eq(agentApiTokens.id, input.id), eq(agentApiTokens.agentId, input.agentId))).get() !== undefined;
}
