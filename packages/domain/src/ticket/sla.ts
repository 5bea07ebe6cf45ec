import { addDays, formatLocalDate, localDateOf, weekdayOf, zonedInstant, type CompanyClock, type LocalDate } from './company-clock.js';
import type { Priority } from './status.js';

/**
 * Response targets (SLA): how long, in business hours, the team has to answer a ticket, by priority.
 * - first response: from the ticket's creation;
 * - next response: from a customer's message that needs an answer ("Cliente respondeu").
 * The clock runs only inside business hours, on business days that are not holidays.
 */
export interface SlaPolicy {
  firstResponseHours: Record<Priority, number>;
  nextResponseHours: Record<Priority, number>;
}

/** Freshdesk-like defaults: an urgent ticket is answered within the hour, a low one within two days. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  firstResponseHours: { urgente: 1, alta: 4, media: 8, baixa: 16 },
  nextResponseHours: { urgente: 2, alta: 4, media: 8, baixa: 16 },
};

export type ResponseKind = 'first_response' | 'next_response';

/** A day the company works: one of its business days and not one of its holidays. */
export function isBusinessDay(date: LocalDate, clock: CompanyClock): boolean {
  return clock.businessDays.includes(weekdayOf(date)) && !(clock.holidays ?? []).includes(formatLocalDate(date));
}

/** Sanity bound: a year of calendar days (a clock with no business day at all cannot loop forever). */
const MAX_DAYS = 366;

/**
 * The instant `minutes` business minutes after `from`: time outside business hours, on weekends and on
 * holidays does not count. A ticket created at night starts counting at the next opening.
 */
export function addBusinessMinutes(from: number, minutes: number, clock: CompanyClock): number {
  let remaining = Math.max(0, minutes) * 60_000;
  let day = localDateOf(from, clock.timeZone);
  for (let i = 0; i < MAX_DAYS; i++, day = addDays(day, 1)) {
    if (!isBusinessDay(day, clock)) continue;
    const open = zonedInstant(day, clock.businessHoursStart, clock.timeZone);
    const close = zonedInstant(day, clock.businessHoursEnd, clock.timeZone);
    const start = Math.max(from, open);
    if (start >= close) continue;
    if (remaining <= close - start) return start + remaining;
    remaining -= close - start;
  }
  // No business time within a year (no business days configured): plain elapsed time.
  return from + Math.max(0, minutes) * 60_000;
}

/** When the answer is due: first response from creation, next response from the customer's message. */
export function responseDueAt(params: { kind: ResponseKind; priority: Priority; from: number; clock: CompanyClock; policy: SlaPolicy }): number {
  const table = params.kind === 'first_response' ? params.policy.firstResponseHours : params.policy.nextResponseHours;
  const hours = table[params.priority] ?? DEFAULT_SLA_POLICY[params.kind === 'first_response' ? 'firstResponseHours' : 'nextResponseHours'][params.priority];
  return addBusinessMinutes(params.from, Math.round(hours * 60), params.clock);
}
