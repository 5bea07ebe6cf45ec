import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import type { CompanyClock } from './company-clock.js';
import { isOverdue, isTodayWork } from './due-date.js';
import { DEFAULT_PORTAL_POLICY, type TicketState } from './ticket-state.js';
import type { TicketStatus } from './status.js';
import { decide, type DecisionContext } from './transitions.js';

// Monday 2026-11-23 10:00 in São Paulo (UTC−3).
const NOW = Date.parse('2026-11-23T10:00:00-03:00');
const clock: CompanyClock = { timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00', holidays: [] };
const ctx: DecisionContext = { now: NOW, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock };
const agent: Actor = { kind: 'agent', id: 7, role: 'agent' };
const contact: Actor = { kind: 'contact', id: 1 };

function ticketIn(status: TicketStatus, overrides: Partial<TicketState> = {}): TicketState {
  return { status, assigneeId: null, waitingSince: null, reminderStage: 0, resolvedAt: null, closedAt: null, closingCount: 0, ratingDueUntil: null, dueAt: null, priority: 'urgente', departmentId: 1, ...overrides };
}
const next = (state: TicketState, action: Parameters<typeof decide>[1], actor: Actor) => {
  const d = decide(state, action, actor, ctx);
  if (!d.ok) throw new Error(d.code);
  return d.next;
};

describe('answering or resolving an unassigned ticket makes it the agent’s', () => {
  it('a public reply assigns it to the agent who answered', () => {
    expect(next(ticketIn('new'), { type: 'agent_reply', nextStatus: 'pending' }, agent).assigneeId).toBe(7);
  });
  it('resolving and closing assign it too', () => {
    expect(next(ticketIn('open'), { type: 'set_status', status: 'resolved' }, agent).assigneeId).toBe(7);
    expect(next(ticketIn('open'), { type: 'close' }, agent).assigneeId).toBe(7);
  });
  it('an internal note or another status does not take it; someone else’s ticket stays theirs', () => {
    expect(next(ticketIn('new'), { type: 'internal_note' }, agent).assigneeId).toBeNull();
    expect(next(ticketIn('new'), { type: 'set_status', status: 'open' }, agent).assigneeId).toBeNull();
    expect(next(ticketIn('open', { assigneeId: 3 }), { type: 'set_status', status: 'resolved' }, agent).assigneeId).toBe(3);
  });
});

describe('tickets that owe the customer an answer are due (SLA)', () => {
  const twoBusinessHours = Date.parse('2026-11-23T12:00:00-03:00'); // urgent next response
  it('a customer reply on a ticket waiting on them makes it open and due by the next-response target', () => {
    const n = next(ticketIn('waiting_customer', { dueAt: Date.parse('2026-11-30T18:00:00-03:00'), waitingSince: NOW - 1000 }), { type: 'customer_reply' }, contact);
    expect(n).toMatchObject({ status: 'open', dueAt: twoBusinessHours });
    expect(isTodayWork(n, NOW, clock.timeZone)).toBe(true);
    expect(isOverdue(n, twoBusinessHours + 1)).toBe(true);
  });
  it('a customer reply keeps a sooner date of the status (a visit this morning)', () => {
    const visit = Date.parse('2026-11-23T11:00:00-03:00');
    expect(next(ticketIn('onsite_visit', { dueAt: visit }), { type: 'customer_reply' }, contact).dueAt).toBe(visit);
  });
  it('"not resolved" and a reopen are due by the next-response target', () => {
    expect(next(ticketIn('resolved', { resolvedAt: NOW - 1000 }), { type: 'reject_solution', reason: 'continua' }, contact).dueAt).toBe(twoBusinessHours);
    expect(next(ticketIn('closed', { closedAt: NOW - 1000, closingCount: 1 }), { type: 'customer_reply' }, contact).dueAt).toBe(twoBusinessHours);
  });
  it('an agent setting a ticket open without a date gives it the response target', () => {
    expect(next(ticketIn('pending', { dueAt: null }), { type: 'set_status', status: 'open' }, agent).dueAt).toBe(twoBusinessHours);
  });
  it('a new ticket with its first-response time is in today’s work and overdue once it passes', () => {
    const t = ticketIn('new', { dueAt: Date.parse('2026-11-23T11:00:00-03:00') });
    expect(isTodayWork(t, NOW, clock.timeZone)).toBe(true);
    expect(isOverdue(t, Date.parse('2026-11-23T11:01:00-03:00'))).toBe(true);
  });
  it('seed 001 still: pending is due the next business day, a visit on its date', () => {
    expect(next(ticketIn('open'), { type: 'set_status', status: 'pending' }, agent).dueAt).toBe(Date.parse('2026-11-24T18:00:00-03:00'));
    expect(next(ticketIn('open'), { type: 'set_status', status: 'onsite_visit', dueDate: '2026-11-26' }, agent).dueAt).toBe(Date.parse('2026-11-26T18:00:00-03:00'));
  });
});
