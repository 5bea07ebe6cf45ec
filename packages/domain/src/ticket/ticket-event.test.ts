import { describe, expect, it } from 'vitest';
import { mayAccessTicket } from './access.js';
import type { Actor } from './actor.js';
import { DAY_MS, DEFAULT_PORTAL_POLICY, type TicketState } from './ticket-state.js';
import { decide, type DecisionContext } from './transitions.js';

const NOW = Date.UTC(2026, 10, 23, 12, 0, 0);
const contact: Actor = { kind: 'contact', id: 1 };
const agent: Actor = { kind: 'agent', id: 7, role: 'agent' };
const clock = { timeZone: 'America/Sao_Paulo', businessDays: [1, 2, 3, 4, 5], businessHoursStart: '08:00', businessHoursEnd: '18:00' };
const ctx: DecisionContext = { now: NOW, policy: DEFAULT_PORTAL_POLICY, assigneeActive: true, clock };
const open: TicketState = { status: 'open', assigneeId: 7, waitingSince: null, reminderStage: 0, resolvedAt: null, closedAt: null, closingCount: 0, ratingDueUntil: null, dueAt: null, priority: 'media', departmentId: 1 };
const closed: TicketState = { ...open, status: 'closed', closedAt: NOW - DAY_MS, closingCount: 1, ratingDueUntil: NOW + 29 * DAY_MS };
const line = { createdAt: NOW, fromStatus: null, toStatus: null };

const eventsOf = (...args: Parameters<typeof decide>) => {
  const decision = decide(...args);
  if (!decision.ok) throw new Error(decision.code);
  return decision.events;
};

describe('decide writes down what happened as typed events', () => {
  it('an agent changing fields: one line per field, old → new, and the assignee, all theirs', () => {
    expect(eventsOf(open, { type: 'set_fields', priority: 'alta', departmentId: 2, assigneeId: 8 }, agent, ctx)).toEqual([
      { ...line, actorKind: 'agent', actorId: 7, type: 'field_changed', data: { field: 'priority', from: 'media', to: 'alta' } },
      { ...line, actorKind: 'agent', actorId: 7, type: 'field_changed', data: { field: 'departmentId', from: 1, to: 2 } },
      { ...line, actorKind: 'agent', actorId: 7, type: 'assignee_changed', data: { from: 7, to: 8 } },
    ]);
  });

  it('a reopening while the assignee is inactive: the contact reopens, the rule returns the ticket to the queue', () => {
    expect(eventsOf(closed, { type: 'customer_reply', via: 'email' }, contact, { ...ctx, assigneeActive: false })).toEqual([
      { ...line, actorKind: 'contact', actorId: 1, type: 'reopened', fromStatus: 'closed', toStatus: 'open', data: { action: 'customer_reply', via: 'email', returnedToQueue: true } },
      { ...line, actorKind: 'system', actorId: null, type: 'assignee_changed', data: { from: 7, to: null } },
    ]);
  });

  it('a rating names its closing; a "not resolved" keeps its reason; an internal note changes nothing', () => {
    expect(eventsOf(closed, { type: 'rate', score: 4 }, contact, ctx)).toEqual([{ ...line, actorKind: 'contact', actorId: 1, type: 'rated', fromStatus: 'closed', toStatus: 'closed', data: { score: 4, closing: 1 } }]);
    const resolved: TicketState = { ...open, status: 'resolved', resolvedAt: NOW - DAY_MS };
    expect(eventsOf(resolved, { type: 'reject_solution', reason: 'Continua lento.' }, contact, ctx)).toEqual([
      { ...line, actorKind: 'contact', actorId: 1, type: 'status_changed', fromStatus: 'resolved', toStatus: 'open', data: { action: 'reject_solution', reason: 'Continua lento.' } },
    ]);
    expect(eventsOf(open, { type: 'internal_note' }, agent, ctx)).toEqual([]);
  });

  it('the rules: a reminder with the days left, an approval timeout with its outcome', () => {
    const waiting: TicketState = { ...open, status: 'waiting_customer', waitingSince: NOW - 5 * DAY_MS };
    expect(eventsOf(waiting, { type: 'send_reminder', stage: 1, daysLeft: 5 }, { kind: 'system' }, ctx)).toEqual([{ ...line, actorKind: 'system', actorId: null, type: 'reminder_sent', data: { stage: 1, daysLeft: 5 } }]);
    const resolved: TicketState = { ...open, status: 'resolved', resolvedAt: NOW - 7 * DAY_MS };
    expect(eventsOf(resolved, { type: 'approval_timeout', outcome: 'reopen', afterDays: 7 }, { kind: 'system' }, ctx)).toEqual([
      { ...line, actorKind: 'system', actorId: null, type: 'approval_timeout', fromStatus: 'resolved', toStatus: 'open', data: { outcome: 'reopen', afterDays: 7 } },
    ]);
  });
});

it('one access rule: agents and the system reach any ticket, a contact only their own', () => {
  expect(mayAccessTicket(agent, { requesterId: 2 })).toBe(true);
  expect(mayAccessTicket({ kind: 'system' }, { requesterId: 2 })).toBe(true);
  expect(mayAccessTicket(contact, { requesterId: 1 })).toBe(true);
  expect(mayAccessTicket(contact, { requesterId: 2 })).toBe(false);
});
