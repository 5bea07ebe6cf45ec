import { addDays, endOfLocalDay, formatLocalDate, localDateOf, parseLocalDate, zonedInstant, type CompanyClock, type LocalDate } from './company-clock.js';
import { isBusinessDay } from './sla.js';
import type { TicketStatus } from './status.js';

/**
 * "Data de resolução devida" (seed 001 §2.1): what each status asks of the due date.
 * - pending: the next business day;
 * - waiting_customer: the day agreed with the customer (required);
 * - onsite_visit: the day of the visit (required).
 */
export type DueDateRule = 'next_business_day' | 'agreed_date' | 'visit_date';

export const DUE_DATE_RULES: Partial<Record<TicketStatus, DueDateRule>> = {
  pending: 'next_business_day',
  waiting_customer: 'agreed_date',
  onsite_visit: 'visit_date',
};

export function dueDateRuleOf(status: TicketStatus): DueDateRule | null {
  return DUE_DATE_RULES[status] ?? null;
}

/**
 * Statuses whose due date puts a ticket in "Trabalho de hoje" (seed 001 §3). `new` is here since new
 * tickets carry their first-response due time: an urgent new ticket is today's work, and overdue.
 */
export const TODAY_WORK_STATUSES = ['new', 'open', 'pending', 'waiting_customer', 'onsite_visit'] as const satisfies readonly TicketStatus[];

/** A ticket is due at the close of business of its day, in the company's zone. */
export function dueAtOfDay(date: LocalDate, clock: CompanyClock): number {
  return zonedInstant(date, clock.businessHoursEnd, clock.timeZone);
}

/**
 * The next business day after `now`, at close of business. Before opening time on a business day the
 * working day has not started yet, so that same day counts as the next one.
 */
export function nextBusinessDayDueAt(now: number, clock: CompanyClock): number {
  const today = localDateOf(now, clock.timeZone);
  const opening = zonedInstant(today, clock.businessHoursStart, clock.timeZone);
  if (isBusinessDay(today, clock) && now < opening) return dueAtOfDay(today, clock);
  // Up to a month ahead: a week of holidays (Christmas to New Year) still finds a working day.
  for (let i = 1; i <= 31; i++) {
    const day = addDays(today, i);
    if (isBusinessDay(day, clock)) return dueAtOfDay(day, clock);
  }
  return dueAtOfDay(addDays(today, 1), clock); // no business days configured: plain tomorrow
}

export type DueDateDecision = { ok: true; dueAt: number | null } | { ok: false; code: 'due_date_required' | 'due_date_invalid' | 'due_date_in_past' };

/**
 * The due date after a ticket enters `status`. `requested` is the day the agent typed ("YYYY-MM-DD");
 * `current` is the due date the ticket already has (kept by statuses without a rule).
 */
export function dueDateForStatus(params: {
  status: TicketStatus;
  requested: string | undefined;
  current: number | null;
  now: number;
  clock: CompanyClock;
}): DueDateDecision {
  const { status, requested, now, clock } = params;
  const rule = dueDateRuleOf(status);
  if (requested !== undefined && requested !== '') {
    const day = parseLocalDate(requested);
    if (!day) return { ok: false, code: 'due_date_invalid' };
    // Today is allowed (a visit this afternoon); an earlier day would be born overdue.
    if (formatLocalDate(day) < formatLocalDate(localDateOf(now, clock.timeZone))) return { ok: false, code: 'due_date_in_past' };
    return { ok: true, dueAt: dueAtOfDay(day, clock) };
  }
  if (rule === 'next_business_day') return { ok: true, dueAt: nextBusinessDayDueAt(now, clock) };
  if (rule === 'agreed_date' || rule === 'visit_date') return { ok: false, code: 'due_date_required' };
  return { ok: true, dueAt: params.current };
}

/** Overdue: still with someone to act on, and its due time has passed. */
export function isOverdue(ticket: { status: TicketStatus; dueAt: number | null }, now: number): boolean {
  return ticket.dueAt !== null && ticket.dueAt < now && (TODAY_WORK_STATUSES as readonly string[]).includes(ticket.status);
}

/** In "Trabalho de hoje": an active status with a due date today or earlier in the company's zone. */
export function isTodayWork(ticket: { status: TicketStatus; dueAt: number | null }, now: number, timeZone: string): boolean {
  return ticket.dueAt !== null && ticket.dueAt < endOfLocalDay(now, timeZone) && (TODAY_WORK_STATUSES as readonly string[]).includes(ticket.status);
}

