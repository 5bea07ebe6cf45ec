import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { accountTokens, agentApiTokens, agents, sessions, ticketEvents, tickets } from '../schema.js';

/** Statuses whose ticket someone must still work: they go back to the department queue. */
const WORKED_STATUSES = ['new', 'open', 'pending', 'onsite_visit', 'waiting_customer'] as const;

/**
 * Deactivates an agent in one transaction: sign-in refused (active = 0), every session and API token
 * ends, and each ticket they still had to work goes back to its department queue (no assignee) with an
 * `assignee_changed` history event by the system. Resolved tickets keep their assignee: a reopen
 * already sends them to the queue when the assignee is inactive.
 *
 * Kept apart from changeTicket on purpose: it is a bulk, system-made move of the assignee only, with
 * the same version bump and history event a single change writes.
 * Returns the ids of the tickets moved, or null for an unknown agent.
 */
export function deactivateAgent(db: Db, params: { agentId: number; now: number }): { ticketIds: number[] } | null {
  return writeTransaction(db, (tx) => {
    // An unused invitation or reset link would let the person back in (accepting an invitation activates).
    tx.delete(accountTokens).where(and(eq(accountTokens.accountKind, 'agent'), eq(accountTokens.accountId, params.agentId), isNull(accountTokens.usedAt))).run();
    const agent = tx.update(agents).set({ active: false }).where(eq(agents.id, params.agentId)).returning({ id: agents.id }).get();
    if (!agent) return null;
    tx.delete(sessions).where(and(eq(sessions.actorKind, 'agent'), eq(sessions.actorId, params.agentId))).run();
    tx.update(agentApiTokens)
      .set({ revokedAt: params.now })
      .where(and(eq(agentApiTokens.agentId, params.agentId), sql`${agentApiTokens.revokedAt} IS NULL`))
      .run();
    const moved = tx
      .update(tickets)
      .set({ assigneeId: null, version: sql`${tickets.version} + 1` })
      .where(and(eq(tickets.assigneeId, params.agentId), inArray(tickets.status, [...WORKED_STATUSES])))
      .returning({ id: tickets.id })
      .all();
    for (const { id } of moved) {
      tx.insert(ticketEvents)
        .values({ ticketId: id, actorKind: 'system', actorId: null, type: 'assignee_changed', data: { from: params.agentId, to: null, reason: 'agent_deactivated' }, createdAt: params.now })
        .run();
    }
    return { ticketIds: moved.map((t) => t.id) };
  });
}

/** Reactivation: they may sign in again (with their old password); tickets stay where they are. */
export function reactivateAgent(db: Db, agentId: number): boolean {
  return db.update(agents).set({ active: true }).where(eq(agents.id, agentId)).run().changes > 0;
}
