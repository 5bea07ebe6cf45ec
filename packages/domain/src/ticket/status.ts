/** Every ticket status. The code is the one name used in the DB, the API and the UI code paths. */
export const TICKET_STATUSES = [
  'new',
  'open',
  'pending',
  'onsite_visit',
  'waiting_customer',
  'resolved',
  'closed',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export function isTicketStatus(value: string): value is TicketStatus {
  return (TICKET_STATUSES as readonly string[]).includes(value);
}

/** Statuses in which the agent holds the ball (product.md, "ball with"). */
export const AGENT_SIDE_STATUSES = ['new', 'open', 'pending', 'onsite_visit'] as const satisfies readonly TicketStatus[];

/** Statuses in which the ticket is still being worked: a customer reply reopens the conversation. */
export const ACTIVE_STATUSES = [...AGENT_SIDE_STATUSES, 'waiting_customer'] as const satisfies readonly TicketStatus[];

export function isActiveStatus(status: TicketStatus): boolean {
  return (ACTIVE_STATUSES as readonly TicketStatus[]).includes(status);
}

export const PRIORITIES = ['baixa', 'media', 'alta', 'urgente'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ORIGINS = ['portal', 'hotsite', 'email', 'agent', 'api'] as const;
export type Origin = (typeof ORIGINS)[number];
