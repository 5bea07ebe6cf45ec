import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { createTestDatabase, makeTicket } from '../testing/index.js';
import { changeTicket, ticketStateOf } from './tickets.js';

let db: Db;
let dispose: () => void;
beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
  makeTicket(db, { createdAt: 1_000, updatedAt: 1_000 }); // ticket #1
});
afterEach(() => dispose());

it('writes the whole new state and its typed events (details as JSON) with the next version', () => {
  const result = changeTicket(db, {
    ticketId: 1,
    now: 5_000,
    decide: (t) => ({
      ok: true,
      next: { ...ticketStateOf(t), priority: 'urgente', dueAt: 9_000 },
      events: [
        { actorKind: 'system', actorId: null, type: 'field_changed', fromStatus: null, toStatus: null, data: { field: 'priority', from: 'media', to: 'urgente' }, createdAt: 5_000 },
        { actorKind: 'system', actorId: null, type: 'reminder_sent', fromStatus: null, toStatus: null, data: { stage: 1, daysLeft: 3 }, createdAt: 5_000 },
      ],
    }),
  });
  expect(result.ok && { priority: result.ticket.priority, dueAt: result.ticket.dueAt, updatedAt: result.ticket.updatedAt }).toEqual({ priority: 'urgente', dueAt: 9_000, updatedAt: 5_000 });
  const rows = db.$client.prepare(`select type, data from ticket_events where ticket_id = 1 and created_at = 5000 order by id`).all();
  expect(rows).toEqual([
    { type: 'field_changed', data: '{"field":"priority","from":"media","to":"urgente"}' },
    { type: 'reminder_sent', data: '{"stage":1,"daysLeft":3}' },
  ]);
});
