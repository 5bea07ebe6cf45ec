import { DEFAULT_COMPANY_CLOCK } from '../ticket/company-clock.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, type TicketState } from '../ticket/ticket-state.js';
import { decide } from '../ticket/transitions.js';
import { DEFAULT_PORTAL_POLICY } from '../ticket/ticket-state.js';
import {
  autoCloseForecast,
  customInactivityPolicy,
  DEFAULT_INACTIVITY_POLICY,
  inactivityDue,
  inactivityScans,
  inactivityPolicyFor,
  MOVIDESK_POLICY,
  nextInactivityAt,
  TRIPLOS_POLICY,
} from './inactivity.js';

const T0 = Date.UTC(2026, 10, 2, 15, 0, 0);
const waiting = (overrides: Partial<TicketState> = {}): TicketState => ({
  status: 'waiting_customer',
  assigneeId: 7,
  waitingSince: T0,
  reminderStage: 0,
  resolvedAt: null,
  closedAt: null,
  closingCount: 0,
  ratingDueUntil: null,
  dueAt: null,
  priority: 'media',
  departmentId: 1,
  ...overrides,
});
const ctx = (now: number) => ({ now, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock: DEFAULT_COMPANY_CLOCK });

describe('inactivity presets', () => {
  it('Triplos is the default: reminders at 5 and 7 days, close at 10', () => {
    expect(DEFAULT_INACTIVITY_POLICY).toEqual({ preset: 'triplos', reminderDays: [5, 7], closeAfterDays: 10 });
  });
  it('Movidesk: no reminders, close at 3 days', () => {
    expect(inactivityPolicyFor('movidesk')).toEqual({ preset: 'movidesk', reminderDays: [], closeAfterDays: 3 });
  });
  it('custom days are validated', () => {
    expect(customInactivityPolicy([2, 4], 6)).toEqual({ preset: 'custom', reminderDays: [2, 4], closeAfterDays: 6 });
    expect(customInactivityPolicy([4, 2], 6)).toBeNull();
    expect(customInactivityPolicy([6], 6)).toBeNull();
    expect(customInactivityPolicy([], 0)).toBeNull();
    expect(customInactivityPolicy([1.5], 3)).toBeNull();
    expect(inactivityPolicyFor('custom')).toBeNull();
  });
});

describe('inactivityDue (Triplos)', () => {
  it('nothing just before day 5', () => {
    expect(inactivityDue(waiting(), TRIPLOS_POLICY, T0 + 5 * DAY_MS - 1)).toEqual({ kind: 'none' });
  });
  it('first reminder exactly at day 5', () => {
    expect(inactivityDue(waiting(), TRIPLOS_POLICY, T0 + 5 * DAY_MS)).toEqual({ kind: 'reminder', stage: 1, dueAt: T0 + 5 * DAY_MS });
  });
  it('a sent reminder is not due again', () => {
    expect(inactivityDue(waiting({ reminderStage: 1 }), TRIPLOS_POLICY, T0 + 6 * DAY_MS)).toEqual({ kind: 'none' });
  });
  it('second reminder at day 7', () => {
    expect(inactivityDue(waiting({ reminderStage: 1 }), TRIPLOS_POLICY, T0 + 7 * DAY_MS)).toMatchObject({ kind: 'reminder', stage: 2 });
  });
  it('a late run sends only the latest due reminder', () => {
    expect(inactivityDue(waiting(), TRIPLOS_POLICY, T0 + 8 * DAY_MS)).toMatchObject({ kind: 'reminder', stage: 2 });
  });
  it('close exactly at day 10, and after downtime the close wins over unsent reminders', () => {
    expect(inactivityDue(waiting({ reminderStage: 2 }), TRIPLOS_POLICY, T0 + 10 * DAY_MS - 1)).toEqual({ kind: 'none' });
    expect(inactivityDue(waiting({ reminderStage: 2 }), TRIPLOS_POLICY, T0 + 10 * DAY_MS)).toEqual({ kind: 'close', dueAt: T0 + 10 * DAY_MS });
    expect(inactivityDue(waiting(), TRIPLOS_POLICY, T0 + 30 * DAY_MS)).toMatchObject({ kind: 'close' });
  });
  it('a customer reply on day 6 resets the clock: nothing due at day 7 or 10 of the old wait', () => {
    const reply = decide(waiting({ reminderStage: 1 }), { type: 'customer_reply' }, { kind: 'contact', id: 1 }, ctx(T0 + 6 * DAY_MS));
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.next.status).toBe('open');
    expect(inactivityDue(reply.next, TRIPLOS_POLICY, T0 + 10 * DAY_MS)).toEqual({ kind: 'none' });
    // The agent asks again on day 6: the new wait counts from then.
    const ask = decide(reply.next, { type: 'agent_reply', nextStatus: 'waiting_customer', dueDate: new Date(T0 + 20 * DAY_MS).toISOString().slice(0, 10) }, { kind: 'agent', id: 7, role: 'agent' }, ctx(T0 + 6 * DAY_MS));
    if (!ask.ok) throw new Error('agent reply refused');
    expect(ask.next.reminderStage).toBe(0);
    expect(inactivityDue(ask.next, TRIPLOS_POLICY, T0 + 10 * DAY_MS)).toEqual({ kind: 'none' });
    expect(inactivityDue(ask.next, TRIPLOS_POLICY, T0 + 11 * DAY_MS)).toMatchObject({ kind: 'reminder', stage: 1 });
  });
  it('only waiting tickets are due', () => {
    expect(inactivityDue(waiting({ status: 'open', waitingSince: null }), TRIPLOS_POLICY, T0 + 99 * DAY_MS)).toEqual({ kind: 'none' });
  });
});

describe('inactivityDue (Movidesk)', () => {
  it('no reminders; closes at day 3 exactly', () => {
    expect(inactivityDue(waiting(), MOVIDESK_POLICY, T0 + 3 * DAY_MS - 1)).toEqual({ kind: 'none' });
    expect(inactivityDue(waiting(), MOVIDESK_POLICY, T0 + 3 * DAY_MS)).toMatchObject({ kind: 'close' });
  });
});

describe('nextInactivityAt and the forecast', () => {
  it('points at the next reminder, then at the close', () => {
    expect(nextInactivityAt(waiting(), TRIPLOS_POLICY)).toBe(T0 + 5 * DAY_MS);
    expect(nextInactivityAt(waiting({ reminderStage: 2 }), TRIPLOS_POLICY)).toBe(T0 + 10 * DAY_MS);
    expect(nextInactivityAt(waiting({ status: 'open' }), TRIPLOS_POLICY)).toBeNull();
  });
  it('says in how many days a waiting ticket closes, rounded up', () => {
    expect(autoCloseForecast(waiting(), MOVIDESK_POLICY, T0)).toEqual({ closesAt: T0 + 3 * DAY_MS, daysLeft: 3 });
    expect(autoCloseForecast(waiting(), MOVIDESK_POLICY, T0 + 2 * DAY_MS + 1)).toMatchObject({ daysLeft: 1 });
  });
});

describe('system actions in decide', () => {
  const system = { kind: 'system' } as const;
  it('a reminder bumps the stage once; a repeat is refused', () => {
    const first = decide(waiting(), { type: 'send_reminder', stage: 1, daysLeft: 5 }, system, ctx(T0 + 5 * DAY_MS));
    expect(first.ok && first.next.reminderStage).toBe(1);
    if (!first.ok) return;
    expect(decide(first.next, { type: 'send_reminder', stage: 1, daysLeft: 5 }, system, ctx(T0 + 5 * DAY_MS))).toEqual({ ok: false, code: 'invalid_transition' });
  });
  it('auto-close closes a waiting ticket with a rating window; not a ticket the customer answered', () => {
    const closed = decide(waiting(), { type: 'auto_close', afterDays: 10 }, system, ctx(T0 + 10 * DAY_MS));
    expect(closed.ok && closed.next.status).toBe('closed');
    expect(closed.ok && closed.next.closingCount).toBe(1);
    expect(decide(waiting({ status: 'open' }), { type: 'auto_close', afterDays: 10 }, system, ctx(T0))).toEqual({ ok: false, code: 'invalid_transition' });
  });
});

describe('inactivityScans: what the runner reads', () => {
  it('a waiting ticket is in one of the scanned ranges exactly when something is due for it', () => {
    const policies = [TRIPLOS_POLICY, MOVIDESK_POLICY, customInactivityPolicy([1, 2, 4], 6)!];
    fc.assert(
      fc.property(fc.constantFrom(...policies), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 12 * DAY_MS }), (policy, stage, waited) => {
        const reminderStage = Math.min(stage, policy.reminderDays.length);
        const state = waiting({ reminderStage });
        const now = T0 + waited;
        const scanned = inactivityScans(policy, now).some(
          (scan) => (scan.reminderStage === null || scan.reminderStage === reminderStage) && state.waitingSince! <= scan.waitingBefore,
        );
        expect(scanned).toBe(inactivityDue(state, policy, now).kind !== 'none');
      }),
    );
  });
});
