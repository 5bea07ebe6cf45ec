import { isAgentActive, serialize, transaction, type Database } from '@atende/db/store';
import type { Deps } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import type { NewLiveEvent } from '../events/live-event.js';
import { applyTicketAction, commitTicketAction, publishLive, type TicketChangeRequest } from './apply-ticket-action.js';

/**
 * Deactivating an agent sends their open tickets back to the queue; a ticket given to them while that
 * happens would stay with someone who no longer works. The deactivation and every change that names an
 * assignee take this key, so "is the agent active?" and the assignment are one step against it
 * (PostgreSQL; on SQLite a write transaction runs alone).
 */
export function lockAgentActive(tx: Database, agentId: number): Promise<void> {
  return serialize(tx, `agent-active:${agentId}`);
}

export const UNKNOWN_ASSIGNEE = { assigneeId: 'Responsável desconhecido.' } as const;

/**
 * commitTicketAction for a change that gives the ticket to `assigneeId` (null or undefined: no new
 * assignee, nothing to check): the assignee is checked active in the change's own transaction.
 */
export async function commitWithActiveAssignee(deps: Deps, assigneeId: number | null | undefined, request: TicketChangeRequest) {
  if (!assigneeId) return commitTicketAction(deps, request);
  const live: NewLiveEvent[] = [];
  const ticket = await transaction(deps.db, async (tx) => {
    await lockAgentActive(tx, assigneeId);
    if (!(await isAgentActive(tx, assigneeId))) throw new AppError('validation_failed', { fields: UNKNOWN_ASSIGNEE });
    return applyTicketAction({ ...deps, db: tx }, request, live);
  });
  publishLive(deps, live);
  return ticket;
}
