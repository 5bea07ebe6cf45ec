import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { PgExecutor } from '../executor.js';
import { accountTokens, agentApiTokens, agents, sessions, ticketEvents, tickets } from '../schema.js';
import { inTransactionPg } from './in-transaction.js';

/** Statuses whose ticket someone must still work: they go back to the department queue. */
const WORKED_STATUSES = ['new', 'open', 'pending', 'onsite_visit', 'waiting_customer'] as const;

/**
 * deactivateAgent on PostgreSQL, in one transaction like queries/agent-deactivation.ts. The tickets'
 * UPDATE takes each row's lock and bumps its version, so a changeTicketPg racing it on one of them
 * either waits and then sees the new version (conflict) or committed first and is moved with it.
 * The ids come back ascending, as SQLite's do (its UPDATE gathers the row ids in a sorted set before
 * writing); PostgreSQL's RETURNING follows the scan, so they are sorted here.
 */
export async function deactivateAgentPg(db: PgExecutor, params: { agentId: number; now: number }): Promise<{ ticketIds: number[] } | null> {
  return inTransactionPg(db, async (tx) => {
    // An unused invitation or link would let the person back in (accepting an invitation activates).
    // Deleted first: a sign-in link being spent locks its token, then the account (FOR SHARE); taking
    // the same order here makes the two wait for each other instead of deadlocking.
    await tx.delete(accountTokens).where(and(eq(accountTokens.accountKind, 'agent'), eq(accountTokens.accountId, params.agentId), isNull(accountTokens.usedAt)));
    const [agent] = await tx.update(agents).set({ active: false }).where(eq(agents.id, params.agentId)).returning({ id: agents.id });
    if (!agent) return null;
    await tx.delete(sessions).where(and(eq(sessions.actorKind, 'agent'), eq(sessions.actorId, params.agentId)));
    await tx
      .update(agentApiTokens)
      .set({ revokedAt: params.now })
      .where(and(eq(agentApiTokens.agentId, params.agentId), isNull(agentApiTokens.revokedAt)));
    const moved = await tx
      .update(tickets)
      .set({ assigneeId: null, version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.assigneeId, params.agentId), inArray(tickets.status, [...WORKED_STATUSES])))
      .returning({ id: tickets.id });
    const ticketIds = moved.map((t) => t.id).sort((a, b) => a - b);
    if (ticketIds.length) {
      await tx.insert(ticketEvents).values(
        ticketIds.map((id) => ({
          ticketId: id,
          actorKind: 'system' as const,
          actorId: null,
          type: 'assignee_changed' as const,
          data: { from: params.agentId, to: null, reason: 'agent_deactivated' },
          createdAt: params.now,
        })),
      );
    }
    return { ticketIds };
  });
}

export async function reactivateAgentPg(db: PgExecutor, agentId: number): Promise<boolean> {
  const rows = await db.update(agents).set({ active: true }).where(eq(agents.id, agentId)).returning({ id: agents.id });
  return rows.length > 0;
}
