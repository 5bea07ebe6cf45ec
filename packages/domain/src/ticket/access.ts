import type { Actor } from './actor.js';

/**
 * The one rule of who may see and change a ticket: agents and the system any, a contact only the
 * tickets they filed. Callers answer a refusal like a missing ticket (404), so ids reveal nothing.
 */
export function mayAccessTicket(actor: Actor, ticket: { requesterId: number }): boolean {
  return actor.kind !== 'contact' || ticket.requesterId === actor.id;
}
