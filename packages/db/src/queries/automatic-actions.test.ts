import type { TicketEventType } from '@atende/domain';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Db } from '../client.js';
import { createTestDatabase, makeTicket } from '../testing/index.js';
import { automaticActions } from './thread.js';

let db: Db;
let dispose: () => void;
let ticketId: number;
beforeEach(() => {
  ({ db, dispose } = createTestDatabase());
  ({ id: ticketId } = makeTicket(db)); // no events of its own yet
});
afterEach(() => dispose());

it("lists the rules' own actions of the asked types, oldest first, with an approval timeout's outcome", () => {
  const event = (actorKind: 'system' | 'agent', type: TicketEventType, createdAt: number, data: Record<string, unknown> | null = null) =>
    db.$client.prepare('insert into ticket_events (ticket_id, actor_kind, actor_id, type, data, created_at) values (?, ?, ?, ?, ?, ?)').run(ticketId, actorKind, actorKind === 'agent' ? 1 : null, type, data && JSON.stringify(data), createdAt);
  event('system', 'reminder_sent', 10, { stage: 1, daysLeft: 3 });
  event('system', 'email_sent', 11, { text: 'corpo do e-mail' }); // not asked for
  event('agent', 'approval_timeout', 12); // not the rules' own
  event('system', 'approval_timeout', 13, { outcome: 'close', afterDays: 7 });

  expect(automaticActions(db, ticketId, ['reminder_sent', 'approval_timeout'])).toEqual([
    { id: expect.any(Number), type: 'reminder_sent', outcome: null, createdAt: 10 },
    { id: expect.any(Number), type: 'approval_timeout', outcome: 'close', createdAt: 13 },
  ]);
});
