import { describe, expect, it } from 'vitest';
import type { CompanyClock } from './company-clock.js';
import { nextBusinessDayDueAt } from './due-date.js';
import { addBusinessMinutes, DEFAULT_SLA_POLICY, responseDueAt } from './sla.js';

// São Paulo is UTC−3 all year; business hours 08:00–18:00, Monday to Friday.
const clock: CompanyClock = { timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00', holidays: [] };
const local = (isoLocal: string) => Date.parse(`${isoLocal}-03:00`);
const iso = (epoch: number) => new Date(epoch).toISOString();

describe('business-hours arithmetic', () => {
  it('inside business hours, minutes are plain minutes', () => {
    expect(iso(addBusinessMinutes(local('2026-11-23T10:00:00'), 60, clock))).toBe(iso(local('2026-11-23T11:00:00')));
  });
  it('what does not fit before closing continues at the next opening', () => {
    expect(iso(addBusinessMinutes(local('2026-11-23T17:30:00'), 60, clock))).toBe(iso(local('2026-11-24T08:30:00')));
  });
  it('a ticket filed at night starts counting at opening', () => {
    expect(iso(addBusinessMinutes(local('2026-11-23T22:00:00'), 60, clock))).toBe(iso(local('2026-11-24T09:00:00')));
  });
  it('skips the weekend', () => {
    expect(iso(addBusinessMinutes(local('2026-11-27T17:00:00'), 120, clock))).toBe(iso(local('2026-11-30T09:00:00')));
  });
  it('skips holidays (a Friday holiday and the weekend after it)', () => {
    const withHoliday = { ...clock, holidays: ['2026-11-27'] };
    expect(iso(addBusinessMinutes(local('2026-11-26T17:00:00'), 120, withHoliday))).toBe(iso(local('2026-11-30T09:00:00')));
  });
  it('with no business day at all, falls back to elapsed time instead of looping', () => {
    expect(addBusinessMinutes(1000, 1, { ...clock, businessDays: [] })).toBe(61_000);
  });
});

describe('response targets by priority', () => {
  const from = local('2026-11-23T10:00:00');
  it('first response: urgent in one business hour, low in 16 business hours (Tuesday 16:00)', () => {
    expect(iso(responseDueAt({ kind: 'first_response', priority: 'urgente', from, clock, policy: DEFAULT_SLA_POLICY }))).toBe(iso(local('2026-11-23T11:00:00')));
    expect(iso(responseDueAt({ kind: 'first_response', priority: 'baixa', from, clock, policy: DEFAULT_SLA_POLICY }))).toBe(iso(local('2026-11-24T16:00:00')));
  });
  it('next response follows its own table', () => {
    expect(iso(responseDueAt({ kind: 'next_response', priority: 'urgente', from, clock, policy: DEFAULT_SLA_POLICY }))).toBe(iso(local('2026-11-23T12:00:00')));
    const policy = { ...DEFAULT_SLA_POLICY, nextResponseHours: { ...DEFAULT_SLA_POLICY.nextResponseHours, media: 0.5 } };
    expect(iso(responseDueAt({ kind: 'next_response', priority: 'media', from, clock, policy }))).toBe(iso(local('2026-11-23T10:30:00')));
  });
});

describe('seed 001 "pending → next business day" skips holidays too', () => {
  it('Thursday before a Friday holiday → Monday', () => {
    expect(iso(nextBusinessDayDueAt(local('2026-11-26T15:00:00'), { ...clock, holidays: ['2026-11-27'] }))).toBe(iso(local('2026-11-30T18:00:00')));
  });
});
