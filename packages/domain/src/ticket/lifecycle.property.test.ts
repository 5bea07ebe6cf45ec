import { DEFAULT_COMPANY_CLOCK } from './company-clock.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { CUSTOMER_TABS, customerTabOf, storedTabOf } from './customer-tab.js';
import { TICKET_STATUSES } from './status.js';
import { DAY_MS, type PortalPolicy, type TicketState } from './ticket-state.js';
import { decide, type TicketAction } from './transitions.js';

/** Property tests: random sequences of customer, agent and automation actions never reach an invalid state. */

const CONTACT: Actor = { kind: 'contact', id: 1 };
const AGENT: Actor = { kind: 'agent', id: 10, role: 'agent' };
const ADMIN: Actor = { kind: 'agent', id: 11, role: 'admin' };
const SYSTEM: Actor = { kind: 'system' };

const status = fc.constantFrom(...TICKET_STATUSES);
const action: fc.Arbitrary<TicketAction> = fc.oneof(
  fc.constant({ type: 'customer_reply' as const }),
  fc.constant({ type: 'confirm_solution' as const }),
  fc.string({ maxLength: 5 }).map((reason) => ({ type: 'reject_solution' as const, reason })),
  fc.integer({ min: -1, max: 7 }).map((score) => ({ type: 'rate' as const, score })),
  status.map((nextStatus) => ({ type: 'agent_reply' as const, nextStatus })),
  fc.constant({ type: 'internal_note' as const }),
  status.map((s) => ({ type: 'set_status' as const, status: s })),
  fc.constant({ type: 'close' as const }),
);
const step = fc.record({
  actor: fc.constantFrom(CONTACT, AGENT, ADMIN, SYSTEM),
  action,
  // From a minute to two months: crosses the reopen and rating windows.
  advance: fc.oneof(fc.integer({ min: 0, max: 60_000 }), fc.integer({ min: 0, max: 60 * DAY_MS })),
  assigneeActive: fc.boolean(),
});
const policy: fc.Arbitrary<PortalPolicy> = fc.record({
  allowReopen: fc.boolean(),
  reopenWindowDays: fc.integer({ min: 0, max: 45 }),
  ratingWindowDays: fc.integer({ min: 1, max: 45 }),
});

const START = Date.UTC(2026, 0, 1);
const initial: TicketState = {
  status: 'new',
  assigneeId: 10,
  waitingSince: null,
  reminderStage: 0,
  resolvedAt: null,
  closedAt: null,
  closingCount: 0,
  ratingDueUntil: null,
  dueAt: null,
  priority: 'media',
  departmentId: 1,
};

interface Applied {
  actor: Actor;
  action: TicketAction;
  now: number;
  assigneeActive: boolean;
}

function checkInvariants(state: TicketState, now: number) {
  // Every ticket is in exactly one customer tab (besides "Todos"), or in none once its closing can no longer be rated.
  const tab = customerTabOf(state.status, state.ratingDueUntil, now);
  const tabs = CUSTOMER_TABS.filter((t) => t !== 'all' && t === tab);
  expect(tabs.length).toBe(state.status === 'closed' && (state.ratingDueUntil === null || state.ratingDueUntil <= now) ? 0 : 1);
  if (tab) expect(storedTabOf(state.status, state.ratingDueUntil !== null)).toBe(tab);
  // Closed tickets have a close time, and only they do.
  expect(state.closedAt !== null).toBe(state.status === 'closed');
  if (state.closedAt !== null) expect(state.closedAt).toBeLessThanOrEqual(now);
  // The times each status owns.
  expect(state.waitingSince !== null).toBe(state.status === 'waiting_customer');
  expect(state.resolvedAt !== null).toBe(state.status === 'resolved');
  if (state.ratingDueUntil !== null) expect(state.status).toBe('closed');
}

describe('ticket lifecycle properties (fast-check)', () => {
  it('random action sequences keep every invariant, ratings belong to one closing, and events replay to the state', () => {
    fc.assert(
      fc.property(policy, fc.array(step, { maxLength: 60 }), (portal, steps) => {
        let state = initial;
        let now = START;
        const applied: Applied[] = [];
        const ratedClosings: number[] = [];
        let closings = 0;
        for (const s of steps) {
          now += s.advance;
          const decision = decide(state, s.action, s.actor, { now, policy: portal, assigneeActive: s.assigneeActive, clock: DEFAULT_COMPANY_CLOCK });
          if (s.actor.kind === 'system') expect(decision.ok).toBe(false); // automations have their own rules
          if (!decision.ok) {
            checkInvariants(state, now);
            continue;
          }
          if (s.action.type === 'rate') {
            expect(state.status).toBe('closed');
            expect(ratedClosings).not.toContain(state.closingCount); // one rating per closing
            ratedClosings.push(state.closingCount);
          }
          if (decision.statusChange) {
            expect(decision.statusChange.from).toBe(state.status);
            expect(decision.statusChange.to).toBe(decision.next.status);
            if (decision.next.status === 'closed') closings += 1;
          } else {
            expect(decision.next.status).toBe(state.status);
          }
          state = decision.next;
          applied.push({ actor: s.actor, action: s.action, now, assigneeActive: s.assigneeActive });
          checkInvariants(state, now);
          expect(state.closingCount).toBe(closings);
        }
        // Events replay to the current state: the accepted actions, applied again, give the same ticket.
        let replayed = initial;
        for (const event of applied) {
          const again = decide(replayed, event.action, event.actor, { now: event.now, policy: portal, assigneeActive: event.assigneeActive, clock: DEFAULT_COMPANY_CLOCK });
          expect(again.ok).toBe(true);
          if (again.ok) replayed = again.next;
        }
        expect(replayed).toEqual(state);
      }),
      { numRuns: 2000 },
    );
  });

  it('a customer never changes a ticket without a matching rule', () => {
    fc.assert(
      fc.property(policy, status, fc.integer({ min: 0, max: 90 * DAY_MS }), action, (portal, from, elapsed, act) => {
        const closed = from === 'closed';
        const state: TicketState = {
          ...initial,
          status: from,
          waitingSince: from === 'waiting_customer' ? START : null,
          resolvedAt: from === 'resolved' ? START : null,
          closedAt: closed ? START : null,
          closingCount: closed ? 1 : 0,
          ratingDueUntil: closed ? START + portal.ratingWindowDays * DAY_MS : null,
        };
        const now = START + elapsed;
        const decision = decide(state, act, CONTACT, { now, policy: portal, assigneeActive: true, clock: DEFAULT_COMPANY_CLOCK });
        if (!decision.ok) return;
        // A customer reopening a closed ticket needs the switch and the window.
        if (closed && decision.next.status !== 'closed') {
          expect(portal.allowReopen).toBe(true);
          expect(elapsed).toBeLessThanOrEqual(portal.reopenWindowDays * DAY_MS);
        }
        // A customer never sets an agent-only status.
        expect(['open', 'closed', from]).toContain(decision.next.status);
      }),
      { numRuns: 2000 },
    );
  });
});
