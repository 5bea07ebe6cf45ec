import { DEFAULT_COMPANY_CLOCK } from '../ticket/company-clock.js';
import { describe, expect, it } from 'vitest';
import { DAY_MS, DEFAULT_PORTAL_POLICY, type TicketState } from '../ticket/ticket-state.js';
import { decide } from '../ticket/transitions.js';
import { approvalTimeoutAt, approvalTimeoutDue } from './approval-timeout.js';

const T0 = Date.UTC(2026, 10, 2, 15, 0, 0);
const resolved: TicketState = {
  status: 'resolved',
  assigneeId: 7,
  waitingSince: null,
  reminderStage: 0,
  resolvedAt: T0,
  closedAt: null,
  closingCount: 0,
  ratingDueUntil: null,
  dueAt: null,
  priority: 'media',
  departmentId: 1,
};
const system = { kind: 'system' } as const;
const ctx = { now: T0 + 7 * DAY_MS, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock: DEFAULT_COMPANY_CLOCK };

describe('approval timeout', () => {
  it('is due exactly after N days, not a millisecond before', () => {
    const policy = { afterDays: 7, outcome: 'close' } as const;
    expect(approvalTimeoutAt(resolved, policy)).toBe(T0 + 7 * DAY_MS);
    expect(approvalTimeoutDue(resolved, policy, T0 + 7 * DAY_MS - 1)).toBe(false);
    expect(approvalTimeoutDue(resolved, policy, T0 + 7 * DAY_MS)).toBe(true);
    expect(approvalTimeoutDue({ ...resolved, status: 'open', resolvedAt: null }, policy, T0 + 70 * DAY_MS)).toBe(false);
  });
  it('concludes when configured so (closed, rating window opens)', () => {
    const d = decide(resolved, { type: 'approval_timeout', outcome: 'close', afterDays: 7 }, system, ctx);
    expect(d.ok && d.next.status).toBe('closed');
    expect(d.ok && d.next.ratingDueUntil).toBe(ctx.now + DEFAULT_PORTAL_POLICY.ratingWindowDays * DAY_MS);
  });
  it('reopens when configured so', () => {
    const d = decide(resolved, { type: 'approval_timeout', outcome: 'reopen', afterDays: 7 }, system, ctx);
    expect(d.ok && d.next.status).toBe('open');
  });
  it('does nothing to a ticket the customer already answered', () => {
    expect(decide({ ...resolved, status: 'closed' }, { type: 'approval_timeout', outcome: 'close', afterDays: 7 }, system, ctx)).toEqual({ ok: false, code: 'invalid_transition' });
  });
});
