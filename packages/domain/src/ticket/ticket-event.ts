import type { RoutingDecision, RoutingReason } from '../automation/same-day-routing.js';
import type { Actor } from './actor.js';
import type { Origin, Priority, TicketStatus } from './status.js';

/**
 * Every line of a ticket's history. The database refuses any other `ticket_events.type` (a CHECK built
 * from this list), and the agent console renders them with an exhaustive switch: a new type added here
 * fails the web's typecheck until it has words.
 */
export const TICKET_EVENT_TYPES = [
  'created',
  'status_changed',
  'reopened',
  'field_changed',
  'assignee_changed',
  'rated',
  'email_sent',
  'reminder_sent',
  'auto_closed',
  'approval_timeout',
  'assigned',
  'assigned_by_routing',
] as const;

export type TicketEventType = (typeof TICKET_EVENT_TYPES)[number];

/** One row of the history: who, what (`type` and its `data`), which status change, when (epoch ms). */
interface EventOf<T extends TicketEventType, D> {
  type: T;
  actorKind: Actor['kind'];
  /** The contact's or agent's id; null for the system. */
  actorId: number | null;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus | null;
  data: D;
  createdAt: number;
}

/** What a status change says about its cause: the action, a "not resolved" reason, the channel. */
export interface StatusChangeDetails {
  action: string;
  reason?: string;
  /** The customer replied by e-mail. */
  via?: 'email';
  /** Reopened while its assignee was inactive: the ticket went back to the department queue. */
  returnedToQueue?: true;
}

export type FieldChange =
  | { field: 'dueAt'; from: number | null; to: number | null }
  | { field: 'priority'; from: Priority; to: Priority }
  | { field: 'departmentId'; from: number | null; to: number | null };

export interface RoutingDetails {
  to: number | null;
  reason: RoutingReason;
  previousAgentId?: number;
  /** The special window the ticket was created in, as `HH:MM–HH:MM`. */
  window?: string;
}

export type TicketEvent =
  | EventOf<'created', { origin: Origin }>
  | EventOf<'status_changed', StatusChangeDetails>
  | EventOf<'reopened', StatusChangeDetails>
  | EventOf<'field_changed', FieldChange>
  | EventOf<'assignee_changed', { from: number | null; to: number | null }>
  | EventOf<'rated', { score: number; closing: number }>
  /** The text of an e-mail the ticket caused (seed 000: the history keeps what was sent). */
  | EventOf<'email_sent', { kind: string; to: string; subject: string; text: string }>
  | EventOf<'reminder_sent', { stage: number; daysLeft: number }>
  | EventOf<'auto_closed', { afterDays: number }>
  | EventOf<'approval_timeout', { outcome: 'close' | 'reopen'; afterDays: number }>
  | EventOf<'assigned', RoutingDetails>
  | EventOf<'assigned_by_routing', RoutingDetails>;

// The list above and the union name the same types (a missing or extra one fails here).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listNamesEveryType: Same<TicketEvent['type'], TicketEventType> = true;
void listNamesEveryType;

export function isTicketEventType(value: string): value is TicketEventType {
  return (TICKET_EVENT_TYPES as readonly string[]).includes(value);
}

/** The actor columns of an event taken by `actor`. */
export function eventActor(actor: Actor): Pick<TicketEvent, 'actorKind' | 'actorId'> {
  return { actorKind: actor.kind, actorId: actor.kind === 'system' ? null : actor.id };
}

/** The first line of every ticket's history, by the author of its first message. */
export function createdEvent(author: Pick<TicketEvent, 'actorKind' | 'actorId'>, origin: Origin, now: number): TicketEvent {
  return { actorKind: author.actorKind, actorId: author.actorId, type: 'created', fromStatus: null, toStatus: 'new', data: { origin }, createdAt: now };
}

/** Which routing rule chose the assignee of a new ticket, and why. */
export function routingEvent(decision: RoutingDecision, now: number): TicketEvent {
  const data: RoutingDetails = {
    to: decision.agentId,
    reason: decision.reason,
    ...(decision.previousAgentId !== undefined ? { previousAgentId: decision.previousAgentId } : {}),
    ...(decision.window ? { window: `${decision.window.start}–${decision.window.end}` } : {}),
  };
  return { actorKind: 'system', actorId: null, type: decision.reason === 'same_day' ? 'assigned_by_routing' : 'assigned', fromStatus: null, toStatus: null, data, createdAt: now };
}

/** The history line that keeps the text of an e-mail sent about the ticket. */
export function emailSentEvent(mail: { kind: string; to: string; subject: string; text: string }, now: number): TicketEvent {
  return { actorKind: 'system', actorId: null, type: 'email_sent', fromStatus: null, toStatus: null, data: mail, createdAt: now };
}
