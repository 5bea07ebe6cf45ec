import { localDayStart, responseDueAt, routeNewTicket, routingEvent } from '@atende/domain';
import {
  customerServicesSince,
  enqueueMail,
  insertTicket,
  insertTicketEvents,
  isAgentStillActive,
  recordIdempotencyKey,
  ticketOfIdempotencyKey,
  transaction,
  departmentAgentLoads,
  getAutomationSettings,
  getCompanySettings,
  getSlaSettings,
  type Database,
  type NewTicket,
  type TicketRecord,
} from '@atende/db/store';
import type { Config } from '../config.js';
import type { NewLiveEvent } from '../events/live-event.js';
import { ticketNotice } from '../mail/ticket-mail.js';
import { notifyAgents } from '../notifications/notify-agents.js';

/**
 * Chooses the assignee of a new ticket inside its creation transaction (seed 004): the agent who served
 * this customer last today, unless inside a special window or that agent is inactive; else the least
 * loaded active agent of the department. The history says which rule applied and why.
 */
export async function routeInTransaction(tx: Database, input: { companyId: number | null; requesterId: number; departmentId: number | null; now: number; createdByAgentId?: number | undefined }) {
  const { timeZone } = await getCompanySettings(tx);
  const policy = (await getAutomationSettings(tx)).sameDayRouting;
  const route = async (candidates: boolean) =>
    routeNewTicket({
      createdByAgentId: input.createdByAgentId,
      now: input.now,
      timeZone,
      policy,
      services: candidates ? await customerServicesSince(tx, { companyId: input.companyId, requesterId: input.requesterId, since: localDayStart(input.now, timeZone) }) : [],
      departmentAgents: candidates && input.departmentId !== null ? await departmentAgentLoads(tx, input.departmentId) : [],
    });
  // The chosen agent may be in the middle of being deactivated (on PostgreSQL, by a transaction the
  // reads above could not see): the last check waits for it, and a deactivated agent is routed
  // around by reading again. An agent filing the ticket keeps it (checked by the route already).
  for (let attempt = 0; attempt < 3; attempt++) {
    const decision = await route(true);
    if (decision.agentId === null || decision.agentId === input.createdByAgentId || (await isAgentStillActive(tx, decision.agentId))) {
      return { assigneeId: decision.agentId, events: [routingEvent(decision, input.now)] };
    }
  }
  const unassigned = await route(false);
  return { assigneeId: unassigned.agentId, events: [routingEvent(unassigned, input.now)] };
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
  db: Database,
  config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>,
  input: RoutedTicketInput,
): Promise<{ ticket: TicketRecord; created: boolean; live: NewLiveEvent[] }> {
  const { createdByAgentId, idempotencyKey, ...fields } = input;
  return transaction(db, async (tx) => {
    if (idempotencyKey !== undefined) {
      const earlier = await ticketOfIdempotencyKey(tx, input.requesterId, idempotencyKey);
      if (earlier) return { ticket: earlier, created: false, live: [] };
    }
    const routed = await routeInTransaction(tx, { ...input, createdByAgentId });
    const dueAt = responseDueAt({ kind: 'first_response', priority: input.priority ?? 'media', from: input.now, clock: await getCompanySettings(tx), policy: await getSlaSettings(tx) });
    const ticket = await insertTicket(tx, { ...fields, dueAt, assigneeId: routed.assigneeId, events: routed.events });
    const notified = await notifyAgents(tx, config, { ticket, kind: 'new_ticket', exceptAgentId: createdByAgentId ?? null, now: input.now });
    const notice = await ticketNotice(tx, config, { ticket, kind: 'ticket_received', dedupeKey: `received:${ticket.id}`, now: input.now });
    if (notice) {
      await enqueueMail(tx, notice.mail, input.now);
      await insertTicketEvents(tx, ticket.id, [notice.event]);
    }
    if (idempotencyKey !== undefined) await recordIdempotencyKey(tx, { contactId: input.requesterId, key: idempotencyKey, ticketId: ticket.id, now: input.now });
    return { ticket, created: true, live: newTicketLiveEvents(ticket, notified) };
  });
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

export async function createRoutedTicket(db: Database, config: Pick<Config, 'publicUrl' | 'mailReplyDomain'>, input: RoutedTicketInput): Promise<TicketRecord> {
  return (await createRoutedTicketOnce(db, config, input)).ticket;
}
