import { localDayStart, routeNewTicket, routingEvent } from '@atende/domain';
import {
  createTicketOnce,
  customerServicesSince,
  departmentAgentLoads,
  getAutomationSettings,
  getCompanySettings,
  type Db,
  type NewTicket,
  type TicketRecord,
} from '@atende/db';
import type { Config } from '../config.js';
import { ticketNotice } from '../mail/ticket-mail.js';

/**
 * Chooses the assignee of a new ticket inside its creation transaction (seed 004): the agent who served
 * this customer last today, unless inside a special window or that agent is inactive; else the least
 * loaded active agent of the department. The history says which rule applied and why.
 */
export function routeInTransaction(tx: Db, input: { companyId: number | null; requesterId: number; departmentId: number | null; now: number }) {
  const { timeZone } = getCompanySettings(tx);
  const decision = routeNewTicket({
    now: input.now,
    timeZone,
    policy: getAutomationSettings(tx).sameDayRouting,
    services: customerServicesSince(tx, { companyId: input.companyId, requesterId: input.requesterId, since: localDayStart(input.now, timeZone) }),
    departmentAgents: input.departmentId !== null ? departmentAgentLoads(tx, input.departmentId) : [],
  });
  return { assigneeId: decision.agentId, events: [routingEvent(decision, input.now)] };
}

/**
 * A new customer ticket: routed, with the "ticket received" e-mail, all in one transaction. With an
 * idempotency key, a repeated request returns the first ticket (`created: false`) and sends nothing.
 */
export function createRoutedTicketOnce(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>,
  input: Omit<NewTicket, 'route' | 'notify' | 'assigneeId'>,
): { ticket: TicketRecord; created: boolean } {
  return createTicketOnce(db, {
    ...input,
    route: (tx) => routeInTransaction(tx, input),
    notify: (ticket) => {
      const notice = ticketNotice(db, config, { ticket, kind: 'ticket_received', dedupeKey: `received:${ticket.id}`, now: input.now });
      return notice ? { mail: [notice.mail], events: [notice.event] } : { mail: [], events: [] };
    },
  });
}

export function createRoutedTicket(db: Db, config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>, input: Omit<NewTicket, 'route' | 'notify' | 'assigneeId'>): TicketRecord {
  return createRoutedTicketOnce(db, config, input).ticket;
}
