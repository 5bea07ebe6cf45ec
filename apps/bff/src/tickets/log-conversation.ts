import type { LogConversationInput } from '@atende/contracts';
import { getDepartment, transaction, type DirectoryContact, type TicketRecord } from '@atende/db/store';
import type { Deps, SignedInActor } from '../http/app-env.js';
import { AppError } from '../http/app-error.js';
import type { NewLiveEvent } from '../events/live-event.js';
import { applyTicketAction, publishLive } from './apply-ticket-action.js';
import { createRoutedTicketOnce } from './create-routed-ticket.js';

/**
 * "Registrar conversa" (seed 001 §1.1–1.2), shared by the console and the chat-tool API. One
 * transaction (the inner writes nest as savepoints): the transcript becomes a public message (it is
 * what the customer already said and read in the chat), the summary an internal note.
 * - new: a ticket with origin `agent`, routed and announced like any new ticket, the summary written
 *   with it.
 * - append: the transcript is an agent reply on the chosen ticket of this contact; the ticket goes to
 *   `resolved` ("acrescentar e resolver", which needs no due date) or else back to `open`: the customer
 *   came back to us, so the ball is in our court (a status without a date rule, none is asked for).
 */
export async function logConversation(
  deps: Deps,
  session: SignedInActor,
  contact: DirectoryContact,
  input: LogConversationInput,
): Promise<{ ticket: TicketRecord; created: boolean }> {
  const agentId = session.actor.id;
  const live: NewLiveEvent[] = [];
  const result = await transaction(deps.db, async (tx): Promise<{ ticket: TicketRecord; created: boolean }> => {
    if (input.mode === 'new') {
      const department = await getDepartment(tx, input.departmentId);
      if (!department || !department.active) throw new AppError('validation_failed', { fields: { departmentId: 'Departamento indisponível. Escolha outro.' } });
      const at = deps.now();
      const { ticket, created, live: events } = await createRoutedTicketOnce(tx, deps.config, {
        subject: input.subject,
        requesterId: contact.id,
        companyId: contact.companyId,
        departmentId: department.id,
        priority: input.priority,
        origin: 'agent',
        // Filed by the agent (phone, chat, API): it stays with them, not routed to whoever served the customer.
        createdByAgentId: agentId,
        firstMessage: { authorKind: 'agent', authorId: agentId, visibility: 'public', body: input.transcript, createdAt: at },
        laterMessages: [{ authorKind: 'agent', authorId: agentId, visibility: 'internal', body: input.summary, createdAt: at }],
        now: at,
        idempotencyKey: input.idempotencyKey,
      });
      live.push(...events);
      return { ticket, created };
    }
    // One change: the reply with its summary as a note. Another contact's ticket is not one of "that
    // contact's existing tickets": refused as unknown.
    const ticket = await applyTicketAction({ ...deps, db: tx }, {
      ticketId: input.ticketId,
      actor: session.actor,
      contactId: contact.id,
      expectedVersion: input.expectedVersion,
      action: { type: 'agent_reply', nextStatus: input.resolve ? 'resolved' : 'open' },
      message: { body: input.transcript, visibility: 'public' },
      note: input.summary,
    }, live);
    return { ticket, created: false };
  });
  // Once committed: the queues, the customer's page and any notified agent update.
  publishLive(deps, live);
  return result;
}
