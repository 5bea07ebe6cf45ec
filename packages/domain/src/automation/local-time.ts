/**
 * Wall-clock arithmetic in the company's time zone, from an epoch-ms instant. Uses Intl (pure: no clock
 * of its own), so a day resets at local midnight whatever the server's zone.
 */
export interface LocalTime {
  /** "YYYY-MM-DD" in the zone: two instants with the same key are the same local day. */
  dayKey: string;
  /** Minutes since local midnight, 0…1439. */
  minuteOfDay: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localTime(instant: number, timeZone: string): LocalTime {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(instant).map((p) => [p.type, p.value]));
  const hour = Number(parts.hour);
  const minute = Number(parts.minute);
  const second = Number(parts.second);
  const ms = ((instant % 1000) + 1000) % 1000;
  return {
    dayKey: `${parts.year}-${parts.month}-${parts.day}`,
    minuteOfDay: hour * 60 + minute,
    msOfDay: ((hour * 60 + minute) * 60 + second) * 1000 + ms,
  };
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
