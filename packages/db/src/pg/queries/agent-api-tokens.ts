import { and, desc, eq, isNull } from 'drizzle-orm';
import type { PgExecutor } from '../executor.js';
import { agentApiTokens, agents } from '../schema.js';

/** queries/agent-api-tokens.ts on PostgreSQL: hashes only, as there. */

export async function insertAgentApiTokenPg(db: PgExecutor, input: { agentId: number; name: string; tokenHash: string; now: number }): Promise<{ id: number }> {
  const [row] = await db
    .insert(agentApiTokens)
    .values({ agentId: input.agentId, name: input.name, tokenHash: input.tokenHash, createdAt: input.now })
    .returning({ id: agentApiTokens.id });
  return row!;
}

/** Conditional on `revoked_at IS NULL`: of two racing revocations, one reports true. */
export async function revokeAgentApiTokenPg(db: PgExecutor, input: { agentId: number; id: number; now: number }): Promise<boolean> {
  const rows = await db
    .update(agentApiTokens)
    .set({ revokedAt: input.now })
    .where(and(eq(agentApiTokens.id, input.id), eq(agentApiTokens.agentId, input.agentId), isNull(agentApiTokens.revokedAt)))
    .returning({ id: agentApiTokens.id });
  return rows.length > 0;
}

export async function agentForApiTokenPg(db: PgExecutor, tokenHash: string): Promise<{ id: number; name: string; role: 'agent' | 'admin' } | null> {
  const [row] = await db
    .select({ id: agents.id, name: agents.name, role: agents.role })
    .from(agentApiTokens)
    .innerJoin(agents, eq(agents.id, agentApiTokens.agentId))
    .where(and(eq(agentApiTokens.tokenHash, tokenHash), isNull(agentApiTokens.revokedAt), eq(agents.active, true)));
  return row ?? null;
}

export async function listAgentApiTokensPg(db: PgExecutor, agentId: number): Promise<{ id: number; name: string; createdAt: number; revokedAt: number | null }[]> {
  return db
    .select({ id: agentApiTokens.id, name: agentApiTokens.name, createdAt: agentApiTokens.createdAt, revokedAt: agentApiTokens.revokedAt })
    .from(agentApiTokens)
    .where(eq(agentApiTokens.agentId, agentId))
    .orderBy(desc(agentApiTokens.id));
}

export async function ownsAgentApiTokenPg(db: PgExecutor, input: { agentId: number; id: number }): Promise<boolean> {
  const rows = await db
    .select({ id: agentApiTokens.id })
    .from(agentApiTokens)
    .where(and(eq(agentApiTokens.id, input.id), eq(agentApiTokens.agentId, input.agentId)));
  return rows.length > 0;
}
