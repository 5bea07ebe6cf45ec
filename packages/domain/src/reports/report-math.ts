import { addDays, formatLocalDate, localDateOf, parseLocalDate, weekdayOf, zonedInstant, type LocalDate } from '../ticket/company-clock.js';

/**
 * The arithmetic of the console's reports, pure: periods in the company's calendar, medians, weekly
 * buckets and the CSV that Excel in pt-BR opens as columns.
 */

/** [from 00:00, day after `to` 00:00) in the company's zone, as epoch ms; null when a day is invalid. */
export function periodBounds(from: string, to: string, timeZone: string): { start: number; end: number } | null {
  const a = parseLocalDate(from);
  const b = parseLocalDate(to);
  if (!a || !b) return null;
  return { start: zonedInstant(a, '00:00', timeZone), end: zonedInstant(addDays(b, 1), '00:00', timeZone) };
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function average(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/** The Monday (company calendar) of the week an instant falls in, as "YYYY-MM-DD". */
export function weekOf(epoch: number, timeZone: string): string {
  const day: LocalDate = localDateOf(epoch, timeZone);
  const back = (weekdayOf(day) + 6) % 7; // Monday 0 … Sunday 6
  return formatLocalDate(addDays(day, -back));
}

export interface RatingRow {
  score: number;
  createdAt: number;
  agentId: number | null;
}

export interface TicketRow {
  createdAt: number;
  assigneeId: number | null;
  departmentName: string | null;
  origin: string;
  /** First public agent message, if any. */
  firstResponseAt: number | null;
  /** When it was resolved (or closed without a resolution step), if it was. */
  resolvedAt: number | null;
}

export interface AgentRow {
  agentId: number;
  name: string;
}

const MINUTE = 60_000;
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);

/** Everything the reports page shows for one period. */
export function buildReport(input: { ratings: RatingRow[]; tickets: TicketRow[]; agents: AgentRow[]; timeZone: string }) {
  const distribution = [1, 2, 3, 4, 5].map((score) => ({ score, count: input.ratings.filter((r) => r.score === score).length }));
  const weeks = new Map<string, number[]>();
  for (const r of input.ratings) {
    const key = weekOf(r.createdAt, input.timeZone);
    weeks.set(key, [...(weeks.get(key) ?? []), r.score]);
  }
  const weekly = [...weeks.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([week, scores]) => ({ week, count: scores.length, average: round1(average(scores)) }));
  const agents = input.agents
    .map((agent) => {
      const scores = input.ratings.filter((r) => r.agentId === agent.agentId).map((r) => r.score);
      const theirs = input.tickets.filter((t) => t.assigneeId === agent.agentId);
      const firstResponses = theirs.filter((t) => t.firstResponseAt !== null).map((t) => (t.firstResponseAt! - t.createdAt) / MINUTE);
      const resolutions = theirs.filter((t) => t.resolvedAt !== null).map((t) => (t.resolvedAt! - t.createdAt) / MINUTE);
      return {
        agentId: agent.agentId,
        name: agent.name,
        tickets: theirs.length,
        ratings: scores.length,
        averageRating: round1(average(scores)),
        medianFirstResponseMinutes: round1(median(firstResponses)),
        medianResolutionMinutes: round1(median(resolutions)),
      };
    })
    .filter((a) => a.tickets > 0 || a.ratings > 0);
  const count = (key: (t: TicketRow) => string) => {
    const m = new Map<string, number>();
    for (const t of input.tickets) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
    return [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name, n]) => ({ name, count: n }));
  };
  return {
    ratings: { total: input.ratings.length, average: round1(average(input.ratings.map((r) => r.score))), distribution, weekly },
    agents,
    volume: { total: input.tickets.length, byDepartment: count((t) => t.departmentName ?? '—'), byOrigin: count((t) => t.origin) },
  };
}

export type Report = ReturnType<typeof buildReport>;

/**
 * CSV as Excel in pt-BR reads it on a double click: UTF-8 with a BOM (accents intact), `;` between
 * fields (the comma is the decimal mark there), decimals with a comma, CRLF line ends, and quotes
 * around any field holding `;`, a quote or a line break.
 */
export function toExcelCsv(header: string[], rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const text = v === null ? '' : typeof v === 'number' ? String(v).replace('.', ',') : v;
    return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return '\uFEFF' + [header, ...rows].map((r) => r.map(cell).join(';')).join('\r\n') + '\r\n';
}
