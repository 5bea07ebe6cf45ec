import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { endOfLocalDay, type CompanyClock } from './company-clock.js';
import { dueDateForStatus, isOverdue, isTodayWork, nextBusinessDayDueAt } from './due-date.js';
import { DEFAULT_PORTAL_POLICY, type TicketState } from './ticket-state.js';
import { decide, type DecisionContext } from './transitions.js';

const saoPaulo: CompanyClock = { timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00' };
const newYork: CompanyClock = { ...saoPaulo, timeZone: 'America/New_York' };
const iso = (epoch: number) => new Date(epoch).toISOString();

describe('pending → next business day, at close of business, in the company zone (São Paulo, UTC−3, no DST)', () => {
  it('a Monday afternoon → Tuesday 18:00 local (21:00 UTC)', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-23T15:00:00-03:00'), saoPaulo))).toBe('2026-11-24T21:00:00.000Z');
  });
  it('a Friday afternoon skips the weekend → Monday', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-27T17:00:00-03:00'), saoPaulo))).toBe('2026-11-30T21:00:00.000Z');
  });
  it('a Saturday → Monday', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-28T10:00:00-03:00'), saoPaulo))).toBe('2026-11-30T21:00:00.000Z');
  });
  it('before opening on a business day the working day has not begun: due that same day', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-24T07:00:00-03:00'), saoPaulo))).toBe('2026-11-24T21:00:00.000Z');
  });
  it('after closing on a business day → the next business day', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-24T19:00:00-03:00'), saoPaulo))).toBe('2026-11-25T21:00:00.000Z');
  });
  it('23:30 local on Friday is already Saturday in UTC, and still counts as Friday → Monday', () => {
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-27T23:30:00-03:00'), saoPaulo))).toBe('2026-11-30T21:00:00.000Z');
  });
  it('business days and hours are settings: a Saturday-working company, closing at 12:00', () => {
    const clock = { ...saoPaulo, businessDays: [1, 2, 3, 4, 5, 6], businessHoursEnd: '12:00' };
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-11-27T17:00:00-03:00'), clock))).toBe('2026-11-28T15:00:00.000Z');
  });
});

describe('a zone with DST (New York)', () => {
  it('Friday before the November change → Monday 18:00 EST (23:00 UTC)', () => {
    // DST ends Sunday 2026-11-01 in New York.
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-10-30T15:00:00-04:00'), newYork))).toBe('2026-11-02T23:00:00.000Z');
  });
  it('Friday before the March change → Monday 18:00 EDT (22:00 UTC)', () => {
    // DST starts Sunday 2026-03-08 in New York.
    expect(iso(nextBusinessDayDueAt(Date.parse('2026-03-06T15:00:00-05:00'), newYork))).toBe('2026-03-09T22:00:00.000Z');
  });
  it('"today" ends at local midnight on the day the clocks change (23 hours long)', () => {
    expect(iso(endOfLocalDay(Date.parse('2026-03-08T10:00:00-04:00'), 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
  });
  it('"today" has the same end whatever order instants are asked in, across midnights and DST changes', () => {
    // endOfLocalDay keeps its last answer per zone: instants asked forwards reuse it, backwards never can.
    const instants = Array.from({ length: 4 * 24 * 4 }, (_, i) => Date.parse('2026-03-06T00:07:00Z') + i * 15 * 60_000);
    for (const zone of ['America/New_York', 'America/Sao_Paulo']) {
      const backwards = [...instants].reverse().map((t) => endOfLocalDay(t, zone)).reverse();
      const forwards = instants.map((t) => endOfLocalDay(t, zone));
      const interleaved = instants.map((t) => (endOfLocalDay(t, zone === 'America/New_York' ? 'America/Sao_Paulo' : 'America/New_York'), endOfLocalDay(t, zone)));
      expect(forwards).toEqual(backwards);
      expect(interleaved).toEqual(backwards);
      // Every answer is a later instant, and a day is at most 25 hours long.
      instants.forEach((t, i) => expect(forwards[i]! - t).toBeGreaterThan(0));
      instants.forEach((t, i) => expect(forwards[i]! - t).toBeLessThanOrEqual(25 * 3600_000));
    }
    expect(iso(endOfLocalDay(Date.parse('2026-03-07T23:59:00-05:00'), 'America/New_York'))).toBe('2026-03-08T05:00:00.000Z');
    expect(iso(endOfLocalDay(Date.parse('2026-03-08T00:00:00-05:00'), 'America/New_York'))).toBe('2026-03-09T04:00:00.000Z');
  });
});

describe('statuses that need a date', () => {
  const now = Date.parse('2026-11-23T15:00:00-03:00');
  it('waiting_customer without the agreed date is refused', () => {
    expect(dueDateForStatus({ status: 'waiting_customer', requested: undefined, current: null, now, clock: saoPaulo })).toEqual({ ok: false, code: 'due_date_required' });
  });
  it('onsite_visit without the visit date is refused', () => {
    expect(dueDateForStatus({ status: 'onsite_visit', requested: '', current: null, now, clock: saoPaulo })).toEqual({ ok: false, code: 'due_date_required' });
  });
  it('the agreed date becomes close of business that day', () => {
    expect(dueDateForStatus({ status: 'waiting_customer', requested: '2026-12-02', current: null, now, clock: saoPaulo })).toEqual({ ok: true, dueAt: Date.parse('2026-12-02T21:00:00Z') });
  });
  it('a day before today is refused; today is accepted', () => {
    expect(dueDateForStatus({ status: 'onsite_visit', requested: '2026-11-22', current: null, now, clock: saoPaulo })).toEqual({ ok: false, code: 'due_date_in_past' });
    expect(dueDateForStatus({ status: 'onsite_visit', requested: '2026-11-23', current: null, now, clock: saoPaulo })).toMatchObject({ ok: true });
  });
  it('an impossible day is refused', () => {
    expect(dueDateForStatus({ status: 'onsite_visit', requested: '2026-02-30', current: null, now, clock: saoPaulo })).toEqual({ ok: false, code: 'due_date_invalid' });
  });
  it('open keeps the due date it had', () => {
    expect(dueDateForStatus({ status: 'open', requested: undefined, current: 123, now, clock: saoPaulo })).toEqual({ ok: true, dueAt: 123 });
  });
});

describe('today’s work and overdue', () => {
  const now = Date.parse('2026-11-23T10:00:00-03:00');
  it('due later today is today’s work but not yet overdue; due tomorrow is neither', () => {
    const laterToday = Date.parse('2026-11-23T18:00:00-03:00');
    expect(isTodayWork({ status: 'pending', dueAt: laterToday }, now, 'America/Sao_Paulo')).toBe(true);
    expect(isOverdue({ status: 'pending', dueAt: laterToday }, now)).toBe(false);
    expect(isTodayWork({ status: 'pending', dueAt: Date.parse('2026-11-24T00:30:00-03:00') }, now, 'America/Sao_Paulo')).toBe(false);
  });
  it('yesterday’s date is overdue and today’s work; a resolved ticket is neither', () => {
    const yesterday = Date.parse('2026-11-22T18:00:00-03:00');
    expect(isOverdue({ status: 'waiting_customer', dueAt: yesterday }, now)).toBe(true);
    expect(isTodayWork({ status: 'onsite_visit', dueAt: yesterday }, now, 'America/Sao_Paulo')).toBe(true);
    expect(isOverdue({ status: 'resolved', dueAt: yesterday }, now)).toBe(false);
    expect(isTodayWork({ status: 'resolved', dueAt: yesterday }, now, 'America/Sao_Paulo')).toBe(false);
  });
});

describe('decide applies the rules on status changes', () => {
  const now = Date.parse('2026-11-27T16:00:00-03:00'); // a Friday
  const agent: Actor = { kind: 'agent', id: 7, role: 'agent' };
  const ctx: DecisionContext = { now, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock: saoPaulo };
  const open: TicketState = { status: 'open', assigneeId: 7, waitingSince: null, reminderStage: 0, resolvedAt: null, closedAt: null, closingCount: 0, ratingDueUntil: null, dueAt: null, priority: 'media', departmentId: 1 };

  it('set pending → due Monday', () => {
    const d = decide(open, { type: 'set_status', status: 'pending' }, agent, ctx);
    expect(d.ok && iso(d.next.dueAt!)).toBe('2026-11-30T21:00:00.000Z');
  });
  it('a public reply to waiting_customer needs the agreed date', () => {
    expect(decide(open, { type: 'agent_reply', nextStatus: 'waiting_customer' }, agent, ctx)).toEqual({ ok: false, code: 'due_date_required' });
    const d = decide(open, { type: 'agent_reply', nextStatus: 'waiting_customer', dueDate: '2026-12-01' }, agent, ctx);
    expect(d.ok && iso(d.next.dueAt!)).toBe('2026-12-01T21:00:00.000Z');
  });
  it('extending the due date needs a note and keeps the status', () => {
    const pending = { ...open, status: 'pending' as const, dueAt: now };
    expect(decide(pending, { type: 'extend_due', dueDate: '2026-12-03', note: ' ' }, agent, ctx)).toEqual({ ok: false, code: 'note_required' });
    const d = decide(pending, { type: 'extend_due', dueDate: '2026-12-03', note: 'Cliente ainda sem disjuntor.' }, agent, ctx);
    expect(d).toMatchObject({ ok: true, statusChange: null, next: { status: 'pending', dueAt: Date.parse('2026-12-03T21:00:00Z') } });
  });
  it('a resolved ticket has no due date to extend', () => {
    expect(decide({ ...open, status: 'resolved' }, { type: 'extend_due', dueDate: '2026-12-03', note: 'x' }, agent, ctx)).toEqual({ ok: false, code: 'invalid_transition' });
  });
});
