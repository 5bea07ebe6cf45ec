/**
 * The service company's clock: calendar arithmetic in its time zone through Intl (no library), so
 * "today", "tomorrow" and "end of business" are the company's, whatever zone the server runs in.
 */
export interface CompanyClock {
  timeZone: string;
  /** Business days, 0 = Sunday … 6 = Saturday. */
  businessDays: number[];
  /** Opening and closing time, "HH:MM", in the company's time zone. */
  businessHoursStart: string;
  businessHoursEnd: string;
  /** Holidays, "YYYY-MM-DD" in the company's calendar: not business days (due dates and SLA skip them). */
  holidays?: string[];
}

/** A calendar day in the company's zone. */
/** São Paulo business hours, Monday to Friday: the default company clock (and the tests'). */
export const DEFAULT_COMPANY_CLOCK: CompanyClock = {
  timeZone: 'America/Sao_Paulo',
  businessDays: [1, 2, 3, 4, 5],
  businessHoursStart: '08:00',
  businessHoursEnd: '18:00',
};

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(epoch: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epoch))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at an instant, in ms (e.g. -3 h for São Paulo). */
function offsetAt(epoch: number, timeZone: string): number {
  const w = wallClock(epoch, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The instant at which the zone's clocks show the given day and "HH:MM". */
export function zonedInstant(date: LocalDate, time: string, timeZone: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const guess = Date.UTC(date.year, date.month - 1, date.day, h, m);
  // Two passes settle the offset across a DST change (the first guess may sit on the other side).
  const first = guess - offsetAt(guess, timeZone);
  return guess - offsetAt(first, timeZone);
}

export function localDateOf(epoch: number, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(epoch, timeZone);
  return { year, month, day };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses "YYYY-MM-DD" (the value of a date input); null when it is not a real day. */
export function parseLocalDate(value: string): LocalDate | null {
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const check = addDays(date, 0);
  return check.year === date.year && check.month === date.month && check.day === date.day ? date : null;
}

export function formatLocalDate(date: LocalDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

/** Per zone, the last answer and the instant it was computed for. */
const lastAnswers = new Map<string, { from: number; end: number }>();

/**
 * The first instant of the company's next calendar day: "today or earlier" means before this.
 * The agent queues ask it on every request, and it costs three Intl calls. A local day is one interval
 * of instants, so any instant from the last one asked up to that answer lies in the same day and has
 * the same answer (no midnight is computed for it, so a zone's DST jumps cannot make it wrong).
 */
export function endOfLocalDay(now: number, timeZone: string): number {
  const last = lastAnswers.get(timeZone);
  if (last && last.from <= now && now < last.end) return last.end;
  const end = zonedInstant(addDays(localDateOf(now, timeZone), 1), '00:00', timeZone);
  lastAnswers.set(timeZone, { from: now, end });
  return end;
}

/** An instant read on the company's wall clock (same-day routing and its special windows). */
export interface LocalTime {
  /** "YYYY-MM-DD" in the zone: two instants with the same key are the same local day. */
  dayKey: string;
  /** Minutes since local midnight, 0…1439. */
  minuteOfDay: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

/** Wall-clock arithmetic in the zone, so a day resets at local midnight whatever the server's zone. */
export function localTime(instant: number, timeZone: string): LocalTime {
  const w = wallClock(instant, timeZone);
  const minuteOfDay = w.hour * 60 + w.minute;
  const ms = ((instant % 1000) + 1000) % 1000;
  return { dayKey: formatLocalDate(w), minuteOfDay, msOfDay: (minuteOfDay * 60 + w.second) * 1000 + ms };
}

/** The instant of the local midnight that starts `instant`'s day (exact outside DST changes that day). */
export function localDayStart(instant: number, timeZone: string): number {
  return instant - localTime(instant, timeZone).msOfDay;
}

/** "HH:MM" → minutes since midnight, or null when malformed. */
export function parseClock(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}
