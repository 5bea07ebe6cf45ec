import { decide, mayAccessTicket, type Actor, type CompanyClock, type DomainErrorCode, type PortalPolicy, type SlaPolicy, type TicketAction, type TicketEvent } from '@atende/domain';
import {
  findAccount,
  getCompanySettings,
  getOrCreateSecret,
  getPortalSettings,
  getSlaSettings,
  hasInboundReceipt,
  isAgentActive,
  lockTicket,
  ticketStateOf,
  transaction,
  writeTicketChange,
  type Database,
  type NewMessage,
  type NewRating,
  type TicketRecord,
} from '@atende/db/store';
import type { Deps } from '../http/app-env.js';
import { AppError, isApiErrorCode } from '../http/app-error.js';
import { noticesForChange } from '../mail/notices-for-change.js';
import type { NewLiveEvent } from '../events/live-event.js';
import { answerClockAfter } from './answer-clock.js';
import { applyChangeEffects, liveEventsOf } from './change-effects.js';
import { mergedIntoOf } from './merged-into.js';
import type { MailConfig, NoticeReads } from '../mail/ticket-mail.js';

/** What the rules read besides the ticket. The automation runner passes reads cached for a whole batch. */
export interface ChangeReads {
  portal: () => PortalPolicy | Promise<PortalPolicy>;
  company: () => CompanyClock | Promise<CompanyClock>;
  agentActive: (agentId: number) => boolean | Promise<boolean>;
  notice: NoticeReads;
  /** Response targets (SLA); the domain's defaults when absent. */
  sla?: () => SlaPolicy | Promise<SlaPolicy>;
}

/** The settings a change decides with. */
export interface ChangeSettings {
  portal: PortalPolicy;
  company: CompanyClock;
  sla: SlaPolicy;
}

/**
 * Read before the change's transaction opens, through the store, where PostgreSQL's keeps them in
 * memory (three statements a change, issue 16). Never inside it through the pool: a transaction
 * holding one of the pool's connections while it waits for another deadlocks once every connection
 * is held so. A change never writes settings, and one committed after this read is a later change.
 */
export async function settingsForChange(db: Database): Promise<ChangeSettings> {
  return { portal: await getPortalSettings(db), company: await getCompanySettings(db), sla: await getSlaSettings(db) };
}

/** The reads of one change: the settings given (or read in `db`), the rest in `db`, its transaction. */
export function readsOf(db: Database, settings?: ChangeSettings): ChangeReads {
  return {
    portal: () => settings?.portal ?? getPortalSettings(db),
    company: () => settings?.company ?? getCompanySettings(db),
    agentActive: (agentId) => isAgentActive(db, agentId),
    sla: () => settings?.sla ?? getSlaSettings(db),
    notice: { account: (kind, id) => findAccount(db, kind, id), secret: (name) => getOrCreateSecret(db, name) },
  };
}

export interface TicketChangeRequest {
  ticketId: number;
  /**
   * Who acts. `'ticket_contact'`: the ticket's own contact, for a signed rating link (the token is the
   * permission; the ticket names the contact it speaks for).
   */
  actor: Actor | 'ticket_contact';
  /** The version the caller's page showed: a change made meanwhile is a `conflict`, never an overwrite. */
  expectedVersion?: number | undefined;
  /**
   * The action; or, for a rule, what is due on the fresh row (null: nothing any more, refused as
   * `not_due`), so a ticket changed since it was scanned is judged as it is now.
   */
  action: TicketAction | ((ticket: TicketRecord) => TicketAction | null);
  /** The message that comes with the action (a reply, a note, a "not resolved" reason). */
  message?: { body: string; visibility: 'public' | 'internal'; attachmentIds?: readonly number[] | undefined } | undefined;
  /**
   * Who wrote the message when it is not the actor: an agent accepting a held e-mail posts the sender's
   * words (a contact, or just an address). Its files are claimed like an upload's.
   */
  messageAuthor?: { contactId: number } | { email: string } | undefined;
  /** An internal note written after the message (a logged conversation's summary). */
  note?: string | undefined;
  /** Only a ticket of this contact: any other is not found (the directory's "that contact's tickets"). */
  contactId?: number | undefined;
  /** For a rating link: the closing it was issued for; any other closing is refused as not due. */
  closing?: number | undefined;
  /** The optional comment of a rating. */
  ratingComment?: string | undefined;
  /** Message-ID of the e-mail that carries the change: a second delivery of it is a `duplicate`. */
  inboundMessageId?: string | undefined;
}

export interface TicketChangeEnv {
  db: Database;
  mailConfig: MailConfig;
  now: number;
  reads?: ChangeReads;
}

export type TicketChangeResult =
  | { ok: true; ticket: TicketRecord; before: TicketRecord; action: TicketAction; events: TicketEvent[]; live: NewLiveEvent[] }
  /** `ticket` is the row as read (null when there is none), e.g. for an answer to a refused e-mail. */
  | { ok: false; code: DomainErrorCode | 'not_found' | 'conflict' | 'duplicate' | 'not_due'; ticket: TicketRecord | null };

type Refusal = Extract<TicketChangeResult, { ok: false }>['code'];

/**
 * The one path of every ticket change (routes, automations, inbound e-mail, integrations), in one
 * transaction: lock the ticket (one read) → who may (one rule: `mayAccessTicket`, before the version,
 * so another contact's ticket is 404 whatever version is sent) → version → the rules' context → the
 * domain's `decide` → its typed events and the e-mails they cause → write state, messages, events,
 * outbox, rating → the answer clock and agents' notifications. Inside a caller's transaction it joins it.
 */
export async function changeTicketAs(env: TicketChangeEnv, request: TicketChangeRequest): Promise<TicketChangeResult> {
  const settings = env.reads ? undefined : await settingsForChange(env.db);
  return transaction(env.db, (tx) => changeInTransaction({ ...env, db: tx, reads: env.reads ?? readsOf(tx, settings) }, request));
}

async function changeInTransaction(env: TicketChangeEnv & { reads: ChangeReads }, request: TicketChangeRequest): Promise<TicketChangeResult> {
  const { db: tx, now, reads } = env;
  const ticket = await lockTicket(tx, request.ticketId);
  if (!ticket) return { ok: false, code: 'not_found', ticket: null };
  const refuse = (code: Refusal): TicketChangeResult => ({ ok: false, code, ticket });
  const actor: Actor = request.actor === 'ticket_contact' ? { kind: 'contact', id: ticket.requesterId } : request.actor;
  if (!mayAccessTicket(actor, ticket)) return refuse('not_found');
  if (request.contactId !== undefined && ticket.requesterId !== request.contactId) return refuse('not_found');
  if (request.expectedVersion !== undefined && request.expectedVersion !== ticket.version) return refuse('conflict');
  // A retried delivery of the same e-mail (webhook retry, MTA resend) adds nothing twice.
  if (request.inboundMessageId && (await hasInboundReceipt(tx, request.inboundMessageId))) return refuse('duplicate');
  if (request.closing !== undefined && request.closing !== ticket.closingCount) return refuse('rating_not_due');
  const action = typeof request.action === 'function' ? request.action(ticket) : request.action;
  if (!action) return refuse('not_due');
  const decision = decide(ticketStateOf(ticket), action, actor, {
    now,
    policy: await reads.portal(),
    clock: await reads.company(),
    ...(reads.sla ? { sla: await reads.sla() } : {}),
    assigneeActive: ticket.assigneeId !== null && (await reads.agentActive(ticket.assigneeId)),
    // A merged duplicate is not reopened: the conversation goes on in the ticket it joined.
    mergedInto: await mergedIntoOf(tx, ticket),
  });
  if (!decision.ok) return refuse(decision.code);
  // The e-mail is recorded with the change, in the same transaction (transactional outbox).
  const notices = await noticesForChange(tx, env.mailConfig, { before: ticket, decision, action, actor, message: request.message, now }, reads.notice);
  const events = [...decision.events, ...notices.map((n) => n.event)];
  const messages = messagesOf(request, actor, now);
  const files = request.message?.attachmentIds ?? [];
  // An accepted e-mail is the customer speaking: it needs an answer like their own message would.
  const speaker: Actor = request.messageAuthor ? { kind: 'contact', id: 'contactId' in request.messageAuthor ? request.messageAuthor.contactId : 0 } : actor;
  // "Cliente respondeu", decided on the status the change leads to and written by the same UPDATE.
  const answerClock = answerClockAfter({ actor: speaker, message: request.message, statusAfter: decision.next.status, current: ticket, now });
  const written = await writeTicketChange(
    tx,
    ticket,
    {
      next: decision.next,
      messages,
      events,
      // A public message's files travel with the e-mails it causes (the customer's copy of the reply).
      mail: notices.map((n) => ({ ...n.mail, withMessageFiles: files.length > 0 && request.message?.visibility === 'public' })),
      ...(files.length > 0 ? { attachmentIds: files } : {}),
      ...(action.type === 'rate' ? { rating: ratingOf(ticket, action.score, request.ratingComment, now) } : {}),
      ...(request.inboundMessageId ? { inboundMessageId: request.inboundMessageId } : {}),
      ...(answerClock ? { answerClock } : {}),
    },
    now,
  );
  if (!written) return refuse('conflict');
  // After the writes, same transaction: the agents' notifications.
  const effects = await applyChangeEffects(tx, env.mailConfig, { before: ticket, after: written, action, actor: speaker, now });
  const live = liveEventsOf({ before: ticket, after: effects.ticket, messages, notified: effects.notified });
  return { ok: true, ticket: effects.ticket, before: ticket, action, events, live };
}

function messagesOf(request: TicketChangeRequest, actor: Actor, now: number): NewMessage[] {
  const author = { authorKind: actor.kind, authorId: actor.kind === 'system' ? null : actor.id, createdAt: now };
  const messages: NewMessage[] = [];
  if (request.message) {
    const by = request.messageAuthor;
    const writer = by === undefined ? author : 'contactId' in by ? { authorKind: 'contact' as const, authorId: by.contactId, createdAt: now } : { authorKind: 'contact' as const, authorId: null, authorEmail: by.email, createdAt: now };
    messages.push({ ...writer, visibility: request.message.visibility, body: request.message.body });
  }
  if (request.note !== undefined) messages.push({ ...author, visibility: 'internal', body: request.note });
  return messages;
}

/** A rating of the current closing: whose work it was is the assignee's at that closing. */
function ratingOf(ticket: TicketRecord, score: number, comment: string | undefined, now: number): NewRating {
  return { closing: ticket.closingCount, score, comment: comment ? comment : null, contactId: ticket.requesterId, agentId: ticket.assigneeId, createdAt: now };
}

/** changeTicketAs for a route (joining the caller's transaction, if any): a refusal is the API error of its code. */
export async function applyTicketAction(deps: Pick<Deps, 'db' | 'config' | 'now'>, request: TicketChangeRequest, live?: NewLiveEvent[]): Promise<TicketRecord> {
  const result = await changeTicketAs({ db: deps.db, mailConfig: deps.config, now: deps.now() }, request);
  if (!result.ok) throw new AppError(isApiErrorCode(result.code) ? result.code : 'internal_error');
  // The caller publishes these once its transaction has committed.
  live?.push(...result.live);
  return result.ticket;
}

/**
 * applyTicketAction for a request: the promise resolves once the change is durable (on SQLite, in the
 * next group commit); then its live events go out (never before the commit: a page refetching on the
 * event must find the change). A refusal throws its API error and writes nothing.
 */
export async function commitTicketAction(deps: Deps, request: TicketChangeRequest): Promise<TicketRecord> {
  const live: NewLiveEvent[] = [];
  const ticket = await applyTicketAction(deps, request, live);
  publishLive(deps, live);
  return ticket;
}

/** Sends committed changes' live events to the open streams. */
export function publishLive(deps: Pick<Deps, 'events'>, events: readonly NewLiveEvent[]): void {
  for (const event of events) deps.events?.publish(event);
}
