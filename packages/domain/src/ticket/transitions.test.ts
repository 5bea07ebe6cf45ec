import { describe, expect, it } from 'vitest';
import type { Actor } from './actor.js';
import { customerTabOf } from './customer-tab.js';
import { TICKET_STATUSES, type TicketStatus } from './status.js';
import { DAY_MS, DEFAULT_PORTAL_POLICY, type TicketState } from './ticket-state.js';
import { decide, reopenRefusal, type DecisionContext, type TicketAction } from './transitions.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const contact: Actor = { kind: 'contact', id: 1 };
const agent: Actor = { kind: 'agent', id: 7, role: 'agent' };
const system: Actor = { kind: 'system' };
const clock = { timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00' };
const ctx: DecisionContext = { now: NOW, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock };

function ticketIn(status: TicketStatus, overrides: Partial<TicketState> = {}): TicketState {
  const closed = status === 'closed';
  return {
    status,
    assigneeId: 7,
    waitingSince: status === 'waiting_customer' ? NOW - 2 * DAY_MS : null,
    reminderStage: status === 'waiting_customer' ? 1 : 0,
    resolvedAt: status === 'resolved' ? NOW - DAY_MS : null,
    closedAt: closed ? NOW - DAY_MS : null,
    closingCount: closed ? 1 : 0,
    ratingDueUntil: closed ? NOW + 29 * DAY_MS : null,
    dueAt: null,
    priority: 'media',
    departmentId: 1,
    ...overrides,
  };
}

type Expected = TicketStatus | `refused:${string}` | 'unchanged';

/** Every status × every customer action: the product.md "Customer actions" table. */
const customerMatrix: Record<TicketStatus, Record<'customer_reply' | 'confirm_solution' | 'reject_solution' | 'rate', Expected>> = {
  new: { customer_reply: 'unchanged', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'refused:rating_not_due' },
  open: { customer_reply: 'unchanged', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'refused:rating_not_due' },
  pending: { customer_reply: 'unchanged', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'refused:rating_not_due' },
  onsite_visit: { customer_reply: 'unchanged', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'refused:rating_not_due' },
  waiting_customer: { customer_reply: 'open', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'refused:rating_not_due' },
  resolved: { customer_reply: 'open', confirm_solution: 'closed', reject_solution: 'open', rate: 'refused:rating_not_due' },
  closed: { customer_reply: 'open', confirm_solution: 'refused:invalid_transition', reject_solution: 'refused:invalid_transition', rate: 'unchanged' },
};

const customerActions: Record<keyof (typeof customerMatrix)['new'], TicketAction> = {
  customer_reply: { type: 'customer_reply' },
  confirm_solution: { type: 'confirm_solution' },
  reject_solution: { type: 'reject_solution', reason: 'A internet ainda cai à noite.' },
  rate: { type: 'rate', score: 5 },
};

/** Every status × every agent action. */
const agentMatrix: Record<TicketStatus, Record<'agent_reply' | 'internal_note' | 'set_status_open' | 'close', Expected>> = {
  new: { agent_reply: 'waiting_customer', internal_note: 'unchanged', set_status_open: 'open', close: 'closed' },
  open: { agent_reply: 'waiting_customer', internal_note: 'unchanged', set_status_open: 'refused:same_status', close: 'closed' },
  pending: { agent_reply: 'waiting_customer', internal_note: 'unchanged', set_status_open: 'open', close: 'closed' },
  onsite_visit: { agent_reply: 'waiting_customer', internal_note: 'unchanged', set_status_open: 'open', close: 'closed' },
  waiting_customer: { agent_reply: 'unchanged', internal_note: 'unchanged', set_status_open: 'open', close: 'closed' },
  resolved: { agent_reply: 'waiting_customer', internal_note: 'unchanged', set_status_open: 'open', close: 'closed' },
  closed: { agent_reply: 'refused:ticket_closed', internal_note: 'unchanged', set_status_open: 'open', close: 'refused:ticket_closed' },
};

const agentActions: Record<keyof (typeof agentMatrix)['new'], TicketAction> = {
  agent_reply: { type: 'agent_reply', nextStatus: 'waiting_customer', dueDate: '2026-11-25' },
  internal_note: { type: 'internal_note' },
  set_status_open: { type: 'set_status', status: 'open' },
  close: { type: 'close' },
};

function outcome(state: TicketState, action: TicketAction, actor: Actor): Expected {
  const decision = decide(state, action, actor, ctx);
  if (!decision.ok) return `refused:${decision.code}`;
  return decision.next.status === state.status ? 'unchanged' : decision.next.status;
}

describe('customer actions, every status', () => {
  for (const status of TICKET_STATUSES) {
    for (const [name, action] of Object.entries(customerActions)) {
      const expected = customerMatrix[status][name as keyof typeof customerActions];
      it(`${name} on ${status} → ${expected}`, () => {
        expect(outcome(ticketIn(status), action, contact)).toBe(expected);
      });
    }
  }

  it('customers may not take agent actions on any status', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of Object.values(agentActions)) {
        expect(outcome(ticketIn(status), action, contact)).toBe('refused:not_allowed_for_actor');
      }
    }
  });
});

describe('agent actions, every status', () => {
  for (const status of TICKET_STATUSES) {
    for (const [name, action] of Object.entries(agentActions)) {
      const expected = agentMatrix[status][name as keyof typeof agentActions];
      it(`${name} on ${status} → ${expected}`, () => {
        expect(outcome(ticketIn(status), action, agent)).toBe(expected);
      });
    }
  }

  it('agents may not take customer actions on any status', () => {
    for (const status of TICKET_STATUSES) {
      for (const action of Object.values(customerActions)) {
        expect(outcome(ticketIn(status), action, agent)).toBe('refused:not_allowed_for_actor');
      }
    }
  });

  it('the system actor takes no portal action', () => {
    expect(outcome(ticketIn('open'), { type: 'close' }, system)).toBe('refused:not_allowed_for_actor');
  });
});

describe('times the other rules read', () => {
  it('a customer reply while waiting resets the inactivity clock and reminder stage', () => {
    const decision = decide(ticketIn('waiting_customer'), { type: 'customer_reply' }, contact, ctx);
    expect(decision).toMatchObject({ ok: true, next: { status: 'open', waitingSince: null, reminderStage: 0 } });
  });

  it('an agent reply starts the waiting clock now', () => {
    const decision = decide(ticketIn('open'), { type: 'agent_reply', nextStatus: 'waiting_customer', dueDate: '2026-11-25' }, agent, ctx);
    expect(decision).toMatchObject({ ok: true, next: { waitingSince: NOW, reminderStage: 0 } });
  });

  it('confirming a solution closes the ticket, counts the closing and opens the rating window', () => {
    const decision = decide(ticketIn('resolved'), { type: 'confirm_solution' }, contact, ctx);
    expect(decision).toMatchObject({
      ok: true,
      next: { status: 'closed', closedAt: NOW, closingCount: 1, ratingDueUntil: NOW + 30 * DAY_MS, resolvedAt: null },
      statusChange: { from: 'resolved', to: 'closed' },
    });
  });

  it('"not resolved" needs a reason and keeps the same assignee', () => {
    expect(outcome(ticketIn('resolved'), { type: 'reject_solution', reason: '   ' }, contact)).toBe('refused:reason_required');
    const decision = decide(ticketIn('resolved'), { type: 'reject_solution', reason: 'Continua lento' }, contact, ctx);
    expect(decision).toMatchObject({ ok: true, next: { status: 'open', assigneeId: 7 } });
  });

  it('rating clears the due rating; a second rating of the same closing is refused', () => {
    const first = decide(ticketIn('closed'), { type: 'rate', score: 4 }, contact, ctx);
    expect(first).toMatchObject({ ok: true, next: { status: 'closed', ratingDueUntil: null } });
    if (!first.ok) throw new Error('expected a rating');
    expect(outcome(first.next, { type: 'rate', score: 5 }, contact)).toBe('refused:rating_not_due');
  });

  it('refuses scores outside 1–5', () => {
    for (const score of [0, 6, 2.5, Number.NaN]) {
      expect(outcome(ticketIn('closed'), { type: 'rate', score }, contact)).toBe('refused:invalid_score');
    }
  });

  it('a rating after the window is refused', () => {
    const state = ticketIn('closed', { ratingDueUntil: NOW - 1 });
    expect(outcome(state, { type: 'rate', score: 5 }, contact)).toBe('refused:rating_not_due');
  });

  it('a reopened and closed-again ticket is due a new rating for its second closing', () => {
    const reopened = decide(ticketIn('closed', { ratingDueUntil: null }), { type: 'customer_reply' }, contact, ctx);
    if (!reopened.ok) throw new Error('expected reopen');
    expect(reopened.next.ratingDueUntil).toBeNull();
    const closedAgain = decide(reopened.next, { type: 'close' }, agent, ctx);
    expect(closedAgain).toMatchObject({ ok: true, next: { closingCount: 2, ratingDueUntil: NOW + 30 * DAY_MS } });
  });
});

describe('reopening a closed ticket', () => {
  it('is refused when the portal does not allow it', () => {
    const decision = decide(ticketIn('closed'), { type: 'customer_reply' }, contact, {
      ...ctx,
      policy: { ...DEFAULT_PORTAL_POLICY, allowReopen: false },
    });
    expect(decision).toEqual({ ok: false, code: 'reopen_disabled' });
  });

  it('is refused for a duplicate merged into another ticket, whatever the portal allows', () => {
    const decision = decide(ticketIn('closed'), { type: 'customer_reply' }, contact, { ...ctx, mergedInto: 42 });
    expect(decision).toEqual({ ok: false, code: 'ticket_merged' });
  });

  it('is allowed exactly at the end of the window and refused one millisecond later', () => {
    const window = DEFAULT_PORTAL_POLICY.reopenWindowDays * DAY_MS;
    expect(reopenRefusal(ticketIn('closed', { closedAt: NOW - window }), NOW, DEFAULT_PORTAL_POLICY)).toBeNull();
    expect(reopenRefusal(ticketIn('closed', { closedAt: NOW - window - 1 }), NOW, DEFAULT_PORTAL_POLICY)).toBe(
      'reopen_window_passed',
    );
  });

  it('what the page says before typing (reopenRefusal) is what the reply gets', () => {
    const window = DEFAULT_PORTAL_POLICY.reopenWindowDays * DAY_MS;
    for (const mergedInto of [null, 42]) {
      for (const allowReopen of [true, false]) {
        for (const closedAt of [NOW, NOW - window, NOW - window - 1]) {
          for (const status of TICKET_STATUSES) {
            const policy = { ...DEFAULT_PORTAL_POLICY, allowReopen };
            const state = ticketIn(status, status === 'closed' ? { closedAt } : {});
            const decision = decide(state, { type: 'customer_reply' }, contact, { ...ctx, policy, mergedInto });
            expect(reopenRefusal(state, NOW, policy, mergedInto), `${status} ${allowReopen} ${closedAt} ${mergedInto}`).toBe(decision.ok ? null : decision.code);
          }
        }
      }
    }
  });

  it('returns to the same agent while active, else to the department queue', () => {
    const same = decide(ticketIn('closed'), { type: 'customer_reply' }, contact, ctx);
    expect(same).toMatchObject({ ok: true, next: { status: 'open', assigneeId: 7, closedAt: null } });
    const queue = decide(ticketIn('closed'), { type: 'customer_reply' }, contact, { ...ctx, assigneeActive: false });
    expect(queue).toMatchObject({ ok: true, next: { status: 'open', assigneeId: null } });
  });
});

describe('customer tabs', () => {
  it('maps every status to the tab of product.md', () => {
    expect(TICKET_STATUSES.map((s) => [s, customerTabOf(s, NOW + 1, NOW)])).toEqual([
      ['new', 'awaiting_return'],
      ['open', 'awaiting_return'],
      ['pending', 'awaiting_return'],
      ['onsite_visit', 'awaiting_return'],
      ['waiting_customer', 'awaiting_my_reply'],
      ['resolved', 'awaiting_approval'],
      ['closed', 'unrated'],
    ]);
  });

  it('a closed ticket leaves "Não avaliados" once rated or after the rating window', () => {
    expect(customerTabOf('closed', null, NOW)).toBeNull();
    expect(customerTabOf('closed', NOW, NOW)).toBeNull();
  });
});
