/**
 * What the live stream (GET /api/events) carries. Events say only *what* changed (a type and a ticket
 * number), never content: the page refetches through the ordinary authorized API. Each event names who
 * may receive it; the stream filters on that, so an internal note's event never reaches a customer.
 */
export type LiveEventType = 'ticket_changed' | 'message_added' | 'counts_changed' | 'notification' | 'presence_changed';

export interface LiveAudience {
  /** Agents: all of them, or only these (a notification is one agent's). */
  agents: 'all' | readonly number[];
  /** The contact who may see it (the ticket's requester), or null: staff only. */
  contactId: number | null;
}

export interface LiveEvent {
  /** `<bus epoch>-<sequence>`: the SSE id, sent back as Last-Event-ID on reconnect. */
  id: string;
  type: LiveEventType;
  ticketId: number | null;
  audience: LiveAudience;
}

export type NewLiveEvent = Omit<LiveEvent, 'id'>;

/** A session ended (sign-out, expiry, deactivation): its open streams close. Carried by the bus, never sent. */
export interface SessionEnded {
  type: 'session_ended';
  sessionTokenHash: string;
}

export function mayReceive(viewer: { kind: 'contact' | 'agent'; id: number }, event: LiveEvent): boolean {
  // Presence is staff-only whatever its audience says: a customer never learns who is looking at their ticket.
  if (viewer.kind === 'contact') return event.type !== 'presence_changed' && event.audience.contactId === viewer.id;
  return event.audience.agents === 'all' || event.audience.agents.includes(viewer.id);
}

/** The wire form: type and ticket number only. */
export function wireData(event: LiveEvent): string {
  return JSON.stringify({ ticketId: event.ticketId });
}
