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
import type { NewLiveEvent } from '../events/live-event.js';
import { ticketNotice } from '../mail/ticket-mail.js';
import { notifyAgents } from '../notifications/notify-agents.js';

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
 * A new customer ticket: routed, due by its first-response target, with the "ticket received" e-mail
 * and the agents' "Novo chamado" notification (the assignee, else the department's agents; never the
 * agent who filed it), all in one transaction. With an idempotency key, a repeated request returns the
 * first ticket (`created: false`) and sends and notifies nothing. A ticket an agent files is theirs (no
 * routing away). `live`: what to publish once the caller's transaction has committed.
 */
export function createRoutedTicketOnce(
  db: Db,
  config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>,
  input: RoutedTicketInput,
): { ticket: TicketRecord; created: boolean; live: NewLiveEvent[] } {
  const { createdByAgentId, ...ticket } = input;
  let notified: number[] = [];
  const result = createTicketOnce(db, {
    ...ticket,
    dueAt: responseDueAt({ kind: 'first_response', priority: input.priority ?? 'media', from: input.now, clock: getCompanySettings(db), policy: getSlaSettings(db) }),
    route: (tx) => routeInTransaction(tx, { ...input, createdByAgentId }),
    notify: (ticket, tx) => {
      notified = notifyAgents(tx, config, { ticket, kind: 'new_ticket', exceptAgentId: createdByAgentId ?? null, now: input.now });
      const notice = ticketNotice(db, config, { ticket, kind: 'ticket_received', dedupeKey: `received:${ticket.id}`, now: input.now });
      return notice ? { mail: [notice.mail], events: [notice.event] } : { mail: [], events: [] };
    },
  });
  return { ...result, live: result.created ? newTicketLiveEvents(result.ticket, notified) : [] };
}

/** A new ticket changes the agents' queues and counts; its notified agents hear of it. */
function newTicketLiveEvents(ticket: TicketRecord, notified: number[]): NewLiveEvent[] {
  const events: NewLiveEvent[] = [
    { type: 'ticket_changed', ticketId: ticket.id, audience: { agents: 'all', contactId: ticket.requesterId } },
    { type: 'counts_changed', ticketId: ticket.id, audience: { agents: 'all', contactId: null } },
  ];
  if (notified.length > 0) events.push({ type: 'notification', ticketId: ticket.id, audience: { agents: notified, contactId: null } });
  return events;
}

export function createRoutedTicket(db: Db, config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>, input: RoutedTicketInput): TicketRecord {
  return createRoutedTicketOnce(db, config, input).ticket;
}
