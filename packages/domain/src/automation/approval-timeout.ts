import { DAY_MS, type TicketState } from '../ticket/ticket-state.js';

/**
 * A resolved ticket the customer neither confirms nor rejects: after `afterDays` it is concluded
 * (closed, as if confirmed) or reopened, as the admin configured (seed 002: "Caso o cliente não
 * confirme a conclusão, o ticket é reaberto").
 */
export interface ApprovalTimeoutPolicy {
  afterDays: number;
  outcome: ApprovalTimeoutOutcome;
}

export const APPROVAL_TIMEOUT_OUTCOMES = ['close', 'reopen'] as const;
export type ApprovalTimeoutOutcome = (typeof APPROVAL_TIMEOUT_OUTCOMES)[number];

export const DEFAULT_APPROVAL_TIMEOUT_POLICY: ApprovalTimeoutPolicy = { afterDays: 7, outcome: 'close' };

/** When the approval timeout falls due for this ticket, or null when it is not resolved. */
export function approvalTimeoutAt(state: Pick<TicketState, 'status' | 'resolvedAt'>, policy: ApprovalTimeoutPolicy): number | null {
  if (state.status !== 'resolved' || state.resolvedAt === null) return null;
  return state.resolvedAt + policy.afterDays * DAY_MS;
}

/** Whether the approval timeout is due at `now`. Exactly at the boundary counts as due. */
export function approvalTimeoutDue(state: TicketState, policy: ApprovalTimeoutPolicy, now: number): boolean {
  const at = approvalTimeoutAt(state, policy);
  return at !== null && now >= at;
}
