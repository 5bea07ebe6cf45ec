import { localDayStart, responseDueAt, routeNewTicket, routingEvent } from '@atende/domain';
import {
  createTicketOnce,
  customerServicesSince,
  departmentAgentLoads,
  getAutomationSettings,
  getCompanySettings,
  getSlaSettings,
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
export function routeInTransaction(tx: Db, input: { companyId: number | null; requesterId: number; departmentId: number | null; now: number; createdByAgentId?: number | undefined }) {
  const { timeZone } = getCompanySettings(tx);
  const decision = routeNewTicket({
    createdByAgentId: input.createdByAgentId,
    now: input.now,
    timeZone,
    policy: getAutomationSettings(tx).sameDayRouting,
    services: customerServicesSince(tx, { companyId: input.companyId, requesterId: input.requesterId, since: localDayStart(input.now, timeZone) }),
    departmentAgents: input.departmentId !== null ? departmentAgentLoads(tx, input.departmentId) : [],
  });
  return { assigneeId: decision.agentId, events: [routingEvent(decision, input.now)] };
}

/** What a new ticket needs to be created and routed; `createdByAgentId` when an agent files it. */
export type RoutedTicketInput = Omit<NewTicket, 'route' | 'notify' | 'assigneeId' | 'dueAt'> & { createdByAgentId?: number | undefined };

/**
 * A new customer ticket: routed, due by its first-response target, with the "ticket received" e-mail,
 * all in one transaction. With an idempotency key, a repeated request returns the first ticket
 * (`created: false`) and sends nothing. A ticket an agent files is theirs (no routing away).
 */
export function createRoutedTicketOnce(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>,
  input: RoutedTicketInput,
): { ticket: TicketRecord; created: boolean } {
  const { createdByAgentId, ...ticket } = input;
  return createTicketOnce(db, {
    ...ticket,
    dueAt: responseDueAt({ kind: 'first_response', priority: input.priority ?? 'media', from: input.now, clock: getCompanySettings(db), policy: getSlaSettings(db) }),
    route: (tx) => routeInTransaction(tx, { ...input, createdByAgentId }),
    notify: (ticket) => {
      const notice = ticketNotice(db, config, { ticket, kind: 'ticket_received', dedupeKey: `received:${ticket.id}`, now: input.now });
      return notice ? { mail: [notice.mail], events: [notice.event] } : { mail: [], events: [] };
    },
  });
}

export function createRoutedTicket(db: Db, config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>, input: RoutedTicketInput): TicketRecord {
  return createRoutedTicketOnce(db, config, input).ticket;
}
