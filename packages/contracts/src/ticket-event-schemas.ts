import { TICKET_EVENT_TYPES, TICKET_STATUSES, type TicketEvent } from '@atende/domain';
import { z } from 'zod';

/**
 * A ticket's history line as the API sends it: the domain's `TicketEvent` with its id and its time in
 * ISO 8601. `data` is null on rows written before events carried typed details.
 */
export type TicketEventWire = TicketEvent extends infer E
  ? E extends TicketEvent
    ? Omit<E, 'data' | 'createdAt'> & { id: number; data: E['data'] | null; createdAt: string }
    : never
  : never;

/** The envelope of every history line (its details are typed by `TicketEventWire`): what tests check responses against. */
export const ticketEventWire = z
  .object({
    id: z.number().int().positive(),
    type: z.enum(TICKET_EVENT_TYPES),
    actorKind: z.enum(['contact', 'agent', 'system']),
    actorId: z.number().int().nullable(),
    fromStatus: z.enum(TICKET_STATUSES).nullable(),
    toStatus: z.enum(TICKET_STATUSES).nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
    createdAt: z.iso.datetime(),
  })
  .strict();

/** The rules' own actions a contact sees on their ticket (no e-mail texts, no internal details). */
export const CUSTOMER_AUTOMATIC_ACTIONS = ['reminder_sent', 'auto_closed', 'approval_timeout', 'assigned_by_routing'] as const satisfies readonly TicketEvent['type'][];
export type CustomerAutomaticActionType = (typeof CUSTOMER_AUTOMATIC_ACTIONS)[number];
