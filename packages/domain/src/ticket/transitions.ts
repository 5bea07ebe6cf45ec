import type { Actor } from './actor.js';
import type { CompanyClock } from './company-clock.js';
import { dueDateForStatus, TODAY_WORK_STATUSES } from './due-date.js';
import { DEFAULT_SLA_POLICY, responseDueAt, type SlaPolicy } from './sla.js';
import type { DomainErrorCode } from './domain-error.js';
import { isActiveStatus, type Priority, type TicketStatus } from './status.js';
import { eventActor, type FieldChange, type TicketEvent } from './ticket-event.js';
import { DAY_MS, type PortalPolicy, type TicketState } from './ticket-state.js';

/** Everything that can happen to a ticket's lifecycle. Messages themselves are stored by the caller. */
export type TicketAction =
  /** `via: 'email'` when the reply came as an e-mail (the history says so). */
  | { type: 'customer_reply'; via?: 'email' }
  | { type: 'confirm_solution' }
  | { type: 'reject_solution'; reason: string }
  | { type: 'rate'; score: number }
  | { type: 'agent_reply'; nextStatus: TicketStatus; dueDate?: string }
  | { type: 'internal_note' }
  | { type: 'set_status'; status: TicketStatus; dueDate?: string }
  /** A new due date with the note that explains it (seed 001 §2.1, §3: "estender a data"). */
  | { type: 'extend_due'; dueDate: string; note: string }
  /** Priority, department or assignee; only the fields given change. */
  | { type: 'set_fields'; priority?: Priority; departmentId?: number | null; assigneeId?: number | null }
  | { type: 'close' }
  /** Close a duplicate into another ticket of the same customer (its messages move there). */
  | { type: 'merge_into'; targetId: number }
  // Automations (actor `system`); see automation/. They carry what the history tells about them.
  | { type: 'send_reminder'; stage: number; daysLeft: number }
  | { type: 'auto_close'; afterDays: number }
  | { type: 'approval_timeout'; outcome: 'close' | 'reopen'; afterDays: number };

export type TicketActionType = TicketAction['type'];

export const CUSTOMER_ACTIONS = ['customer_reply', 'confirm_solution', 'reject_solution', 'rate'] as const satisfies readonly TicketActionType[];
export const AGENT_ACTIONS = ['agent_reply', 'internal_note', 'set_status', 'extend_due', 'set_fields', 'close', 'merge_into'] as const satisfies readonly TicketActionType[];
export const SYSTEM_ACTIONS = ['send_reminder', 'auto_close', 'approval_timeout'] as const satisfies readonly TicketActionType[];

export interface DecisionContext {
  now: number;
  policy: PortalPolicy;
  /** Whether the current assignee can still take the ticket back (reopen returns it to them). */
  assigneeActive: boolean;
  /** The company's time zone and business days: due dates are counted on them. */
  clock: CompanyClock;
  /** Response targets by priority; the defaults when absent. */
  sla?: SlaPolicy;
  /** The ticket a closed duplicate was merged into (its history says so); null or absent otherwise. */
  mergedInto?: number | null;
}

/** The next-response due time of a ticket that needs an answer from now on. */
function nextResponseDue(state: TicketState, ctx: DecisionContext): number {
  return responseDueAt({ kind: 'next_response', priority: state.priority, from: ctx.now, clock: ctx.clock, policy: ctx.sla ?? DEFAULT_SLA_POLICY });
}

/** Statuses in which the team owes the customer an answer: their due time is a response target. */
const AWAITING_ANSWER: readonly TicketStatus[] = ['new', 'open'];

/**
 * A customer message needs an answer: the ticket is due by the next-response target. A status with
 * its own date (pending, visit) keeps it when it comes sooner.
 */
function needsAnswer(decision: Transition, ctx: DecisionContext): Transition {
  if (!decision.ok || decision.next.status === 'closed' || decision.next.status === 'resolved') return decision;
  const due = nextResponseDue(decision.next, ctx);
  const current = decision.statusChange === null ? decision.next.dueAt : null;
  return { ...decision, next: { ...decision.next, dueAt: current !== null && current < due ? current : due } };
}

type StatusChange = { from: TicketStatus; to: TicketStatus } | null;

/** The next state, its status change, and the history lines that say what happened (e-mails aside). */
export type Decision =
  | { ok: true; next: TicketState; statusChange: StatusChange; events: TicketEvent[] }
  | { ok: false; code: DomainErrorCode };

/** A decision before its events are written down. */
type Transition = { ok: true; next: TicketState; statusChange: StatusChange } | { ok: false; code: DomainErrorCode };

const refuse = (code: DomainErrorCode): Transition => ({ ok: false, code });

/**
 * Moves a ticket into `to`, stamping the times the other rules read. Called for every status change so
 * no path forgets one (waiting clock, resolution time, closing and its rating window).
 */
function enter(state: TicketState, to: TicketStatus, ctx: DecisionContext): Transition {
  const from = state.status;
  const next: TicketState = { ...state, status: to };
  next.waitingSince = to === 'waiting_customer' ? ctx.now : null;
  next.reminderStage = 0;
  next.resolvedAt = to === 'resolved' ? ctx.now : null;
  if (to === 'closed') {
    next.closedAt = ctx.now;
    next.closingCount = state.closingCount + 1;
    next.ratingDueUntil = ctx.now + ctx.policy.ratingWindowDays * DAY_MS;
  } else {
    next.ratingDueUntil = null;
    if (from === 'closed') next.closedAt = null;
  }
  return { ok: true, next, statusChange: from === to ? null : { from, to } };
}

function contactReply(state: TicketState, ctx: DecisionContext): Transition {
  if (isActiveStatus(state.status)) {
    // Already with the agent: the status stays; from waiting_customer the ball goes back to the agent.
    if (state.status === 'waiting_customer') return needsAnswer(enter(state, 'open', ctx), ctx);
    return needsAnswer({ ok: true, next: { ...state }, statusChange: null }, ctx);
  }
  if (state.status === 'resolved') return needsAnswer(enter(state, 'open', ctx), ctx); // a reply counts as "not resolved"
  return needsAnswer(reopenClosed(state, ctx), ctx);
}

function reopenClosed(state: TicketState, ctx: DecisionContext): Transition {
  if ((ctx.mergedInto ?? null) !== null) return refuse('ticket_merged');
  if (!ctx.policy.allowReopen) return refuse('reopen_disabled');
  if (!canReopenWithinWindow(state, ctx.now, ctx.policy)) return refuse('reopen_window_passed');
  const decision = enter(state, 'open', ctx);
  if (decision.ok && !ctx.assigneeActive) decision.next.assigneeId = null; // back to the department queue
  return decision;
}

/** Whether a closed ticket may still be reopened by its contact. */
export function canReopenWithinWindow(state: TicketState, now: number, policy: PortalPolicy): boolean {
  if (state.closedAt === null) return false;
  return now - state.closedAt <= policy.reopenWindowDays * DAY_MS;
}

/** Whether the contact may reopen this ticket now; null when allowed, else the reason. */
export function reopenRefusal(state: TicketState, now: number, policy: PortalPolicy, mergedInto: number | null = null): DomainErrorCode | null {
  if (state.status !== 'closed') return null;
  if (mergedInto !== null) return 'ticket_merged';
  if (!policy.allowReopen) return 'reopen_disabled';
  if (!canReopenWithinWindow(state, now, policy)) return 'reopen_window_passed';
  return null;
}

function decideForContact(state: TicketState, action: TicketAction, ctx: DecisionContext): Transition {
  switch (action.type) {
    case 'customer_reply':
      return contactReply(state, ctx);
    case 'confirm_solution':
      return state.status === 'resolved' ? enter(state, 'closed', ctx) : refuse('invalid_transition');
    case 'reject_solution':
      if (state.status !== 'resolved') return refuse('invalid_transition');
      if (action.reason.trim() === '') return refuse('reason_required');
      return needsAnswer(enter(state, 'open', ctx), ctx);
    case 'rate':
      if (!Number.isInteger(action.score) || action.score < 1 || action.score > 5) return refuse('invalid_score');
      if (state.status !== 'closed' || state.ratingDueUntil === null || state.ratingDueUntil <= ctx.now) {
        return refuse('rating_not_due');
      }
      return { ok: true, next: { ...state, ratingDueUntil: null }, statusChange: null };
    default:
      return refuse('not_allowed_for_actor');
  }
}

/**
 * Applies the due-date rule of the status the ticket is now in (pending → next business day;
 * waiting_customer and onsite_visit → the date the agent gives, required). A reply that keeps the
 * status keeps the due date unless the agent gives a new one.
 */
function withDueDate(decision: Transition, requested: string | undefined, ctx: DecisionContext): Transition {
  if (!decision.ok) return decision;
  const noDate = requested === undefined || requested === '';
  // New and open tickets owe the customer an answer: without a date of their own, the response target.
  if (noDate && AWAITING_ANSWER.includes(decision.next.status) && (decision.statusChange !== null || decision.next.dueAt === null)) {
    return { ...decision, next: { ...decision.next, dueAt: nextResponseDue(decision.next, ctx) } };
  }
  if (decision.statusChange === null && noDate) return decision;
  const due = dueDateForStatus({ status: decision.next.status, requested, current: decision.next.dueAt, now: ctx.now, clock: ctx.clock });
  if (!due.ok) return refuse(due.code);
  return { ...decision, next: { ...decision.next, dueAt: due.dueAt } };
}

/**
 * Answering or resolving a ticket nobody holds makes it the agent's: the rating, the reports and a
 * reopen then go to the person who did the work.
 */
function takenBy(decision: Transition, agentId: number): Transition {
  if (!decision.ok || decision.next.assigneeId !== null) return decision;
  return { ...decision, next: { ...decision.next, assigneeId: agentId } };
}

const RESOLVING: readonly TicketStatus[] = ['resolved', 'closed'];

function decideForAgent(state: TicketState, action: TicketAction, agentId: number, ctx: DecisionContext): Transition {
  switch (action.type) {
    case 'agent_reply':
      if (state.status === 'closed') return refuse('ticket_closed');
      return takenBy(withDueDate(enter(state, action.nextStatus, ctx), action.dueDate, ctx), agentId);
    case 'internal_note':
      return { ok: true, next: { ...state }, statusChange: null };
    case 'set_status':
      if (action.status === state.status) return refuse('same_status');
      {
        const decision = withDueDate(enter(state, action.status, ctx), action.dueDate, ctx);
        return RESOLVING.includes(action.status) ? takenBy(decision, agentId) : decision;
      }
    case 'extend_due': {
      if (!(TODAY_WORK_STATUSES as readonly TicketStatus[]).includes(state.status)) return refuse('invalid_transition');
      if (action.note.trim() === '') return refuse('note_required');
      if (action.dueDate.trim() === '') return refuse('due_date_required');
      const due = dueDateForStatus({ status: state.status, requested: action.dueDate, current: state.dueAt, now: ctx.now, clock: ctx.clock });
      if (!due.ok) return refuse(due.code);
      return { ok: true, next: { ...state, dueAt: due.dueAt }, statusChange: null };
    }
    case 'set_fields': {
      const next: TicketState = {
        ...state,
        ...(action.priority !== undefined ? { priority: action.priority } : {}),
        ...(action.departmentId !== undefined ? { departmentId: action.departmentId } : {}),
        ...(action.assigneeId !== undefined ? { assigneeId: action.assigneeId } : {}),
      };
      if (next.priority === state.priority && next.departmentId === state.departmentId && next.assigneeId === state.assigneeId) return refuse('no_change');
      return { ok: true, next, statusChange: null };
    }
    case 'close':
      if (state.status === 'closed') return refuse('ticket_closed');
      return takenBy(enter(state, 'closed', ctx), agentId);
    case 'merge_into': {
      // A duplicate closes without asking for a rating: the customer rates the ticket that goes on.
      if (state.status === 'closed') return refuse('ticket_closed');
      const decision = enter(state, 'closed', ctx);
      return decision.ok ? { ...decision, next: { ...decision.next, ratingDueUntil: null } } : decision;
    }
    default:
      return refuse('not_allowed_for_actor');
  }
}

/**
 * Automations re-check the state they act on inside the write transaction: a contact's reply or an
 * earlier run that got there first turns the action into `invalid_transition`, so nothing happens twice.
 */
function decideForSystem(state: TicketState, action: TicketAction, ctx: DecisionContext): Transition {
  switch (action.type) {
    case 'send_reminder':
      if (state.status !== 'waiting_customer' || action.stage <= state.reminderStage) return refuse('invalid_transition');
      return { ok: true, next: { ...state, reminderStage: action.stage }, statusChange: null };
    case 'auto_close':
      if (state.status !== 'waiting_customer') return refuse('invalid_transition');
      return enter(state, 'closed', ctx);
    case 'approval_timeout':
      if (state.status !== 'resolved') return refuse('invalid_transition');
      return action.outcome === 'close' ? enter(state, 'closed', ctx) : needsAnswer(enter(state, 'open', ctx), ctx);
    default:
      return refuse('not_allowed_for_actor');
  }
}

/**
 * The lifecycle rules of product.md: given a ticket, an action and who takes it, the next state or the
 * reason it is refused. Pure: the clock and the settings come in through `ctx`.
 */
export function decide(state: TicketState, action: TicketAction, actor: Actor, ctx: DecisionContext): Decision {
  const transition =
    actor.kind === 'contact'
      ? decideForContact(state, action, ctx)
      : actor.kind === 'agent'
        ? decideForAgent(state, action, actor.id, ctx)
        : actor.kind === 'system'
          ? decideForSystem(state, action, ctx)
          : refuse('not_allowed_for_actor');
  if (!transition.ok) return transition;
  return { ...transition, events: eventsOf(state, transition, action, actor, ctx.now) };
}

const EVENT_FIELDS = ['dueAt', 'priority', 'departmentId'] as const;

/**
 * The history of one decision: the status change (as the automation that made it, a reopening or a
 * plain change), every field changed (who, when, field, old → new), the assignee, the rating.
 */
function eventsOf(before: TicketState, transition: Extract<Transition, { ok: true }>, action: TicketAction, actor: Actor, now: number): TicketEvent[] {
  const { next, statusChange } = transition;
  const who = eventActor(actor);
  const events: TicketEvent[] = [];
  const line = { ...who, fromStatus: null, toStatus: null, createdAt: now };
  if (action.type === 'send_reminder') events.push({ ...line, type: 'reminder_sent', data: { stage: action.stage, daysLeft: action.daysLeft } });
  if (statusChange) {
    const statuses = { fromStatus: statusChange.from, toStatus: statusChange.to };
    if (action.type === 'auto_close') events.push({ ...line, ...statuses, type: 'auto_closed', data: { afterDays: action.afterDays } });
    else if (action.type === 'approval_timeout') events.push({ ...line, ...statuses, type: 'approval_timeout', data: { outcome: action.outcome, afterDays: action.afterDays } });
    else {
      const reopened = statusChange.from === 'closed';
      const data = {
        action: action.type,
        ...(action.type === 'reject_solution' ? { reason: action.reason } : {}),
        ...(action.type === 'merge_into' ? { mergedInto: action.targetId } : {}),
        ...(action.type === 'customer_reply' && action.via ? { via: action.via } : {}),
        ...(reopened && next.assigneeId === null && before.assigneeId !== null ? { returnedToQueue: true as const } : {}),
      };
      events.push({ ...line, ...statuses, type: reopened ? 'reopened' : 'status_changed', data });
    }
  }
  for (const field of EVENT_FIELDS) {
    if (next[field] !== before[field]) events.push({ ...line, type: 'field_changed', data: fieldChange(field, before, next) });
  }
  if (next.assigneeId !== before.assigneeId) {
    // An agent's own choice, or taking the ticket by answering or resolving it, is theirs; otherwise a
    // rule moved it (reopen back to the queue).
    const byAgent = actor.kind === 'agent';
    events.push({ ...line, ...(byAgent ? who : { actorKind: 'system', actorId: null }), type: 'assignee_changed', data: { from: before.assigneeId, to: next.assigneeId } });
  }
  if (action.type === 'rate') events.push({ ...line, fromStatus: before.status, toStatus: next.status, type: 'rated', data: { score: action.score, closing: before.closingCount } });
  return events;
}

function fieldChange(field: (typeof EVENT_FIELDS)[number], before: TicketState, next: TicketState): FieldChange {
  if (field === 'priority') return { field, from: before.priority, to: next.priority };
  return { field, from: before[field], to: next[field] };
}
