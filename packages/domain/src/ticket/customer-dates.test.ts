import { describe, expect, it } from 'vitest';
import { DEFAULT_APPROVAL_TIMEOUT_POLICY } from '../automation/approval-timeout.js';
import { customerDates } from './customer-dates.js';
import { DAY_MS } from './ticket-state.js';

const due = Date.parse('2026-12-02T21:00:00Z');
const resolvedAt = Date.parse('2026-11-30T13:00:00Z');

describe('customerDates', () => {
  it('names the visit date while a visit is scheduled', () => {
    expect(customerDates({ status: 'onsite_visit', dueAt: due, resolvedAt: null }, DEFAULT_APPROVAL_TIMEOUT_POLICY)).toEqual({ visitAt: due, agreedAt: null, answerBy: null });
  });

  it('names the agreed date while the ticket waits on the customer', () => {
    expect(customerDates({ status: 'waiting_customer', dueAt: due, resolvedAt: null }, DEFAULT_APPROVAL_TIMEOUT_POLICY)).toEqual({ visitAt: null, agreedAt: due, answerBy: null });
  });

  it('on a resolved ticket, says until when the customer may answer, from the approval-timeout policy', () => {
    expect(customerDates({ status: 'resolved', dueAt: due, resolvedAt }, { afterDays: 7, outcome: 'close' })).toEqual({
      visitAt: null,
      agreedAt: null,
      answerBy: { at: resolvedAt + 7 * DAY_MS, outcome: 'close' },
    });
    expect(customerDates({ status: 'resolved', dueAt: null, resolvedAt }, { afterDays: 3, outcome: 'reopen' }).answerBy).toEqual({ at: resolvedAt + 3 * DAY_MS, outcome: 'reopen' });
  });

  it('says nothing about dates a status does not have', () => {
    for (const status of ['new', 'open', 'pending', 'closed'] as const) {
      expect(customerDates({ status, dueAt: due, resolvedAt }, DEFAULT_APPROVAL_TIMEOUT_POLICY)).toEqual({ visitAt: null, agreedAt: null, answerBy: null });
    }
  });
});
