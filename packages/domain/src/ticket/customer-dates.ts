import { approvalTimeoutAt, type ApprovalTimeoutOutcome, type ApprovalTimeoutPolicy } from '../automation/approval-timeout.js';
import type { TicketState } from './ticket-state.js';

/**
 * The dates a customer is told about their ticket (issue 15), on its page and in its e-mails:
 * - the visit date while a technician's visit is scheduled (`onsite_visit`: the due date is the visit);
 * - the date agreed with them while the ticket waits on them (`waiting_customer`);
 * - on a resolved ticket, until when they may answer before the approval timeout concludes (or
 *   reopens, as configured) it: "se você não responder até DD/MM, o atendimento será concluído".
 */
export interface CustomerDates {
  visitAt: number | null;
  agreedAt: number | null;
  answerBy: { at: number; outcome: ApprovalTimeoutOutcome } | null;
}

export function customerDates(state: Pick<TicketState, 'status' | 'dueAt' | 'resolvedAt'>, approval: ApprovalTimeoutPolicy): CustomerDates {
  const at = approvalTimeoutAt(state, approval);
  return {
    visitAt: state.status === 'onsite_visit' ? state.dueAt : null,
    agreedAt: state.status === 'waiting_customer' ? state.dueAt : null,
    answerBy: at === null ? null : { at, outcome: approval.outcome },
  };
}
