import type { Actor, TicketAction } from '@atende/domain';
import type { Database, TicketRecord } from '@atende/db/store';
import type { NewLiveEvent } from '../events/live-event.js';
import { notificationKindFor } from '../notifications/notification-kind.js';
import { notifyAgents } from '../notifications/notify-agents.js';

/**
 * What every ticket change causes besides its own writes, in its transaction: the agents'
 * notifications (console + e-mail by preference). Returns the row and who was notified. ("Cliente
 * respondeu", the answer clock, is written with the change itself: answer-clock.ts.)
 */
export async function applyChangeEffects(
  tx: Database,
  config: { publicUrl: string; mailReplyDomain: string },
  change: { before: TicketRecord; after: TicketRecord; action: TicketAction; actor: Actor; now: number },
): Promise<{ ticket: TicketRecord; notified: number[] }> {
  const { before, action, actor, now } = change;
  const ticket = change.after;
  const kind = notificationKindFor({ actionType: action.type, actorKind: actor.kind, statusBefore: before.status, statusAfter: ticket.status, assigneeBefore: before.assigneeId, assigneeAfter: ticket.assigneeId });
  const notified = kind ? await notifyAgents(tx, config, { ticket, kind, exceptAgentId: actor.kind === 'agent' ? actor.id : null, now }) : [];
  return { ticket, notified };
}

/**
 * The live events of a committed change, each addressed to who may see it: the customer hears of their
 * ticket's public side (a public message, a status, department or assignee change), never of an
 * internal note or an agent-only field; agents hear of everything; a notification reaches its agents.
 */
export function liveEventsOf(change: { before: TicketRecord; after: TicketRecord; messages: { visibility: 'public' | 'internal' }[]; notified: number[] }): NewLiveEvent[] {
  const { before, after } = change;
  const customer = { agents: 'all' as const, contactId: after.requesterId };
  const staff = { agents: 'all' as const, contactId: null };
  const events: NewLiveEvent[] = [];
  const publicMessage = change.messages.some((m) => m.visibility === 'public');
  const internalMessage = change.messages.some((m) => m.visibility === 'internal');
  if (publicMessage) events.push({ type: 'message_added', ticketId: after.id, audience: customer });
  else if (internalMessage) events.push({ type: 'message_added', ticketId: after.id, audience: staff });
  const customerVisible = before.status !== after.status || before.assigneeId !== after.assigneeId || before.departmentId !== after.departmentId || before.ratingDueUntil !== after.ratingDueUntil;
  if (customerVisible) events.push({ type: 'ticket_changed', ticketId: after.id, audience: customer });
  else if (!publicMessage && !internalMessage) events.push({ type: 'ticket_changed', ticketId: after.id, audience: staff });
  events.push({ type: 'counts_changed', ticketId: after.id, audience: staff });
  if (change.notified.length > 0) events.push({ type: 'notification', ticketId: after.id, audience: { agents: change.notified, contactId: null } });
  return events;
}
