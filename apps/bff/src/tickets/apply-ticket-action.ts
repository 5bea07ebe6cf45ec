import { decide, type TicketAction } from '@atende/domain';
import { changeTicket, getCompanySettings, getPortalSettings, isAgentActive, ticketStateOf, type NewMessage, type NewTicketEvent, type TicketRecord } from '@atende/db';
import type { Deps, SignedInActor } from '../http/app-env.js';
import { AppError, isApiErrorCode } from '../http/app-error.js';
import { noticesForAction } from '../mail/notices-for-action.js';
import { mayAccessTicket } from './load-ticket.js';

export interface ActionRequest {
  ticketId: number;
  /** The version the caller's page showed; absent only for a rating link, which names its closing. */
  expectedVersion: number | undefined;
  /** For a rating link: the closing it was issued for; any other closing is refused as not due. */
  closing?: number;
  action: TicketAction;
  /** The optional comment of a rating. */
  ratingComment?: string | undefined;
  /** The message that comes with the action (a reply, a note, a "not resolved" reason). */
  message?: { body: string; visibility: 'public' | 'internal'; attachmentIds?: readonly number[] };
}

/**
 * applyTicketAction for a request: the change goes into the next group commit (deps.writes) and the
 * promise resolves once it is durable. Use the synchronous form only inside a caller's own transaction.
 */
export function commitTicketAction(deps: Deps, session: SignedInActor, request: ActionRequest): Promise<TicketRecord> {
  return deps.writes.run(() => applyTicketAction(deps, session, request));
}

/**
 * validate → load → decide (domain) → persist state, message and event in one transaction. Every
 * ticket change made by a person goes through here, so none skips the rules or the history.
 */
export function applyTicketAction(deps: Deps, session: SignedInActor, request: ActionRequest): TicketRecord {
  const now = deps.now();
  const { actor } = session;
  const result = changeTicket(deps.db, {
    ticketId: request.ticketId,
    expectedVersion: request.expectedVersion,
    now,
    decide: (ticket) => {
      if (!mayAccessTicket(session, ticket)) return { ok: false, code: 'not_found' };
      if (request.closing !== undefined && request.closing !== ticket.closingCount) return { ok: false, code: 'rating_not_due' };
      const decision = decide(ticketStateOf(ticket), request.action, actor, {
        now,
        policy: getPortalSettings(deps.db),
        clock: getCompanySettings(deps.db),
        assigneeActive: ticket.assigneeId !== null && isAgentActive(deps.db, ticket.assigneeId),
      });
      if (!decision.ok) return decision;
      const message: NewMessage | undefined = request.message && {
        authorKind: actor.kind,
        authorId: actor.id,
        visibility: request.message.visibility,
        body: request.message.body,
        createdAt: now,
      };
      const events: NewTicketEvent[] = [];
      if (decision.statusChange) {
        const reopened = decision.statusChange.from === 'closed';
        events.push({
          actorKind: actor.kind,
          actorId: actor.id,
          type: reopened ? 'reopened' : 'status_changed',
          fromStatus: decision.statusChange.from,
          toStatus: decision.statusChange.to,
          data: {
            action: request.action.type,
            ...(request.action.type === 'reject_solution' ? { reason: request.action.reason } : {}),
            ...(reopened && decision.next.assigneeId === null && ticket.assigneeId !== null ? { returnedToQueue: true } : {}),
          },
          createdAt: now,
        });
      }
      // Every field change is an event: who, when, field, old → new.
      for (const field of ['dueAt', 'priority', 'departmentId'] as const) {
        if (decision.next[field] !== ticket[field]) {
          events.push({ actorKind: actor.kind, actorId: actor.id, type: 'field_changed', data: { field, from: ticket[field], to: decision.next[field] }, createdAt: now });
        }
      }
      if (decision.next.assigneeId !== ticket.assigneeId) {
        // An agent's own choice is theirs; otherwise a rule moved it (reopen back to the queue).
        const byAgent = request.action.type === 'set_fields';
        events.push({
          actorKind: byAgent ? actor.kind : 'system',
          actorId: byAgent ? actor.id : null,
          type: 'assignee_changed',
          data: { from: ticket.assigneeId, to: decision.next.assigneeId },
          createdAt: now,
        });
      }
      // The e-mail is recorded with the change, in the same transaction (transactional outbox).
      const notices = noticesForAction(deps.db, deps.config, { before: ticket, decision, action: request.action, actorKind: actor.kind, ...(request.message ? { message: request.message } : {}), now });
      events.push(...notices.map((n) => n.event));
      const mail = notices.map((n) => n.mail);
      const attachmentIds = request.message?.attachmentIds;
      if (request.action.type !== 'rate') return { ok: true, next: decision.next, message, events, mail, ...(attachmentIds?.length ? { attachmentIds } : {}) };
      const { score } = request.action;
      events.push({ actorKind: actor.kind, actorId: actor.id, type: 'rated', fromStatus: ticket.status, toStatus: decision.next.status, data: { score, closing: ticket.closingCount }, createdAt: now });
      const rating = {
        closing: ticket.closingCount,
        score,
        comment: request.ratingComment ? request.ratingComment : null,
        contactId: ticket.requesterId,
        agentId: ticket.assigneeId, // whose work this closing was
        createdAt: now,
      };
      return { ok: true, next: decision.next, message, events, mail, rating };
    },
  });
  if (!result.ok) throw new AppError(isApiErrorCode(result.code) ? result.code : 'internal_error');
  return result.ticket;
}
