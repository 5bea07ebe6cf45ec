import { createdEvent, CUSTOMER_TABS, type CustomerTab, type TicketEvent, type TicketState, type TicketStatus } from '@atende/domain';
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { writeTransaction } from '../client.js';
import { departments, inboundReceipts, messages, ratings, ticketEvents, ticketIdempotencyKeys, tickets } from '../schema.js';
import { claimAttachments } from './attachments.js';
import { enqueueMail, type NewOutboxMail } from './outbox.js';
import { cached } from './prepared.js';

export type TicketRecord = typeof tickets.$inferSelect;
export type NewMessage = Omit<typeof messages.$inferInsert, 'id' | 'ticketId'>;
/** A history line as the domain builds it; the ticket it belongs to is the one being written. */
export type NewTicketEvent = TicketEvent;
export type NewRating = Omit<typeof ratings.$inferInsert, 'id' | 'ticketId'>;

/** Keyset cursor: the sort key of the last row of the previous page. */
export interface ActivityCursor {
  updatedAt: number;
  id: number;
}

export interface TicketListItem {
  id: number;
  subject: string;
  status: TicketStatus;
  origin: TicketRecord['origin'];
  departmentName: string | null;
  updatedAt: number;
}

export interface TicketPage {
  items: TicketListItem[];
  nextCursor: ActivityCursor | null;
}

export function getTicket(db: Db, id: number): TicketRecord | null {
  const query = cached(db, 'getTicket', () => db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id'))).prepare());
  return query.get({ id }) ?? null;
}

/** The state the lifecycle rules read, taken from a stored ticket. */
export function ticketStateOf(ticket: TicketRecord): TicketState {
  return {
    status: ticket.status,
    assigneeId: ticket.assigneeId,
    waitingSince: ticket.waitingSince,
    reminderStage: ticket.reminderStage,
    resolvedAt: ticket.resolvedAt,
    closedAt: ticket.closedAt,
    closingCount: ticket.closingCount,
    ratingDueUntil: ticket.ratingDueUntil,
    dueAt: ticket.dueAt,
    priority: ticket.priority,
    departmentId: ticket.departmentId,
  };
}

/** Counts of each tab of the Painel do Cliente, read from the requester's tab index only. */
/** The tabs whose membership needs no clock (unlike "Não avaliados", which closes with the rating window). */
const LIVE_TABS: CustomerTab[] = ['awaiting_my_reply', 'awaiting_return', 'awaiting_approval'];

export function customerTabCounts(db: Db, requesterId: number, now: number): Record<CustomerTab, number> {
  // "Todos" counts index entries only (covering). The live tabs are counted by equality on the tab
  // column, so only the contact's live tickets are visited: a contact with years of closed tickets pays
  // for them in one index range, never in table rows.
  const all = cached(db, 'customerTabCounts:all', () =>
    db
      .select({ count: sql<number>`count(*)` })
      .from(tickets)
      .where(eq(tickets.requesterId, sql.placeholder('requesterId')))
      .prepare(),
  );
  const live = cached(db, 'customerTabCounts:live', () =>
    db
      .select({ tab: tickets.customerTab, count: sql<number>`count(*)` })
      .from(tickets)
      .where(and(eq(tickets.requesterId, sql.placeholder('requesterId')), inArray(tickets.customerTab, LIVE_TABS)))
      .groupBy(tickets.customerTab)
      .prepare(),
  );
  // "Não avaliados" only while the rating window is open.
  const unratedDue = cached(db, 'customerTabCounts:unrated', () =>
    db
      .select({ count: sql<number>`count(*)` })
      .from(tickets)
      .where(and(eq(tickets.requesterId, sql.placeholder('requesterId')), eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, sql.placeholder('now'))))
      .prepare(),
  );
  const counts = Object.fromEntries(CUSTOMER_TABS.map((tab) => [tab, 0])) as Record<CustomerTab, number>;
  counts.all = all.get({ requesterId })?.count ?? 0;
  for (const row of live.all({ requesterId })) counts[row.tab as CustomerTab] = row.count;
  counts.unrated = unratedDue.get({ requesterId, now })?.count ?? 0;
  return counts;
}

function pageOf(rows: TicketListItem[], limit: number): TicketPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
}

const listColumns = {
  id: tickets.id,
  subject: tickets.subject,
  status: tickets.status,
  origin: tickets.origin,
  departmentName: departments.name,
  updatedAt: tickets.updatedAt,
};

/** One page of a requester's tab, newest activity first (keyset pagination on updated_at, id). */
export function listCustomerTickets(
  db: Db,
  params: { requesterId: number; tab: CustomerTab; now: number; cursor: ActivityCursor | null; limit: number },
): TicketPage {
  const { requesterId, tab, now, cursor, limit } = params;
  const tabKind = tab === 'all' || tab === 'unrated' ? tab : 'tab';
  const query = cached(db, `listCustomerTickets:${tabKind}:${cursor ? 'after' : 'first'}`, () => {
    const inTab =
      tabKind === 'all'
        ? undefined
        : tabKind === 'unrated'
          ? and(eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, sql.placeholder('now')))
          : eq(tickets.customerTab, sql.placeholder('tab'));
    const after = cursor
      ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${sql.placeholder('cursorUpdatedAt')}, ${sql.placeholder('cursorId')})`
      : undefined;
    return db
      .select(listColumns)
      .from(tickets)
      .leftJoin(departments, eq(departments.id, tickets.departmentId))
      .where(and(eq(tickets.requesterId, sql.placeholder('requesterId')), inTab, after))
      .orderBy(desc(tickets.updatedAt), desc(tickets.id))
      .limit(sql.placeholder('limit'))
      .prepare();
  });
  const rows = query.all({ requesterId, tab, now, cursorUpdatedAt: cursor?.updatedAt, cursorId: cursor?.id, limit: limit + 1 });
  return pageOf(rows, limit);
}

export interface NewTicket {
  subject: string;
  requesterId: number;
  companyId: number | null;
  departmentId: number | null;
  subjectId?: number | null;
  priority?: TicketRecord['priority'];
  origin: TicketRecord['origin'];
  assigneeId?: number | null;
  /** The first due time (the first-response target); none when absent. */
  dueAt?: number | null;
  firstMessage: NewMessage;
  /** Staged uploads (already checked as the author's own) that the first message carries. */
  attachmentIds?: readonly number[];
  /** Messages written right after the first (a logged conversation's internal summary). */
  laterMessages?: NewMessage[];
  now: number;
  /**
   * The requester's idempotency key: a second request with the same key returns the ticket the first
   * one created instead of creating another.
   */
  idempotencyKey?: string | undefined;
  /** Chooses the assignee inside the transaction (same-day routing reads who served the customer). */
  route?: (tx: Db) => { assigneeId: number | null; events: NewTicketEvent[] };
  /**
   * E-mails and their history lines caused by the creation ("ticket received"), same transaction; `tx`
   * for the caller's own writes that must live or die with the ticket (the agents' notifications).
   */
  notify?: (ticket: TicketRecord, tx: Db) => { mail: NewOutboxMail[]; events: NewTicketEvent[] };
}

/** Creates a ticket with its first message and a `created` event, in one transaction. */
export function createTicket(db: Db, input: NewTicket): TicketRecord {
  return createTicketOnce(db, input).ticket;
}

/** createTicket that also says whether this call created the ticket (false: an idempotent replay). */
export function createTicketOnce(db: Db, input: NewTicket): { ticket: TicketRecord; created: boolean } {
  return writeTransaction(db, (tx) => {
    if (input.idempotencyKey !== undefined) {
      const earlier = ticketOfIdempotencyKey(tx, input.requesterId, input.idempotencyKey);
      if (earlier) return { ticket: earlier, created: false };
    }
    const routed = input.route?.(tx);
    const ticket = insertTicket(tx, { ...input, assigneeId: routed ? routed.assigneeId : (input.assigneeId ?? null), events: routed?.events ?? [] });
    const notice = input.notify?.(ticket, tx);
    for (const mail of notice?.mail ?? []) enqueueMail(tx, { ...mail, ticketId: ticket.id }, input.now);
    insertTicketEvents(tx, ticket.id, notice?.events ?? []);
    if (input.idempotencyKey !== undefined) recordIdempotencyKey(tx, { contactId: input.requesterId, key: input.idempotencyKey, ticketId: ticket.id, now: input.now });
    return { ticket, created: true };
  });
}

/** The ticket an earlier request with this idempotency key created, if any. */
export function ticketOfIdempotencyKey(tx: Db, contactId: number, key: string): TicketRecord | null {
  const seen = tx
    .select({ ticketId: ticketIdempotencyKeys.ticketId })
    .from(ticketIdempotencyKeys)
    .where(and(eq(ticketIdempotencyKeys.contactId, contactId), eq(ticketIdempotencyKeys.key, key)))
    .get();
  return seen ? getTicket(tx, seen.ticketId) : null;
}

/** Remembers which ticket a requester's idempotency key created (same transaction as the ticket). */
export function recordIdempotencyKey(tx: Db, params: { contactId: number; key: string; ticketId: number; now: number }): void {
  tx.insert(ticketIdempotencyKeys).values({ contactId: params.contactId, key: params.key, ticketId: params.ticketId, createdAt: params.now }).run();
}

/** A new ticket's row as decided by the caller (routing done): the writes, without the decisions. */
export type NewTicketRow = Omit<NewTicket, 'route' | 'notify' | 'idempotencyKey' | 'assigneeId'> & { assigneeId: number | null; events: NewTicketEvent[] };

/**
 * Writes a new ticket inside the caller's transaction: the row, its first message (claiming its files),
 * later messages, the `created` event and the caller's events (routing).
 */
export function insertTicket(tx: Db, input: NewTicketRow): TicketRecord {
  const ticket = tx
    .insert(tickets)
    .values({
      subject: input.subject,
      requesterId: input.requesterId,
      companyId: input.companyId,
      departmentId: input.departmentId,
      subjectId: input.subjectId ?? null,
      priority: input.priority ?? 'media',
      status: 'new',
      assigneeId: input.assigneeId,
      origin: input.origin,
      dueAt: input.dueAt ?? null,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning()
    .get();
  const first = tx.insert(messages).values({ ...input.firstMessage, ticketId: ticket.id }).returning({ id: messages.id }).get();
  if (input.attachmentIds?.length) claimOrFail(tx, input.attachmentIds, first.id, ticket.id);
  for (const message of input.laterMessages ?? []) tx.insert(messages).values({ ...message, ticketId: ticket.id }).run();
  const author = { actorKind: input.firstMessage.authorKind, actorId: input.firstMessage.authorId ?? null };
  tx.insert(ticketEvents).values({ ...createdEvent(author, input.origin, input.now), ticketId: ticket.id }).run();
  insertTicketEvents(tx, ticket.id, input.events);
  return ticket;
}

/** History lines of a ticket (events decided by the caller: routing, e-mails sent). */
export function insertTicketEvents(tx: Db, ticketId: number, events: readonly NewTicketEvent[]): void {
  for (const event of events) tx.insert(ticketEvents).values({ ...event, ticketId }).run();
}

/** What a ticket change writes: the new lifecycle state, and optionally messages and events. */
export type TicketChange =
  | {
      ok: true;
      next: TicketState;
      /** The message that comes with the change, and any note written with it (in this order). */
      messages?: NewMessage[];
      /** Staged uploads the first message carries (checked as the author's own before the change). */
      attachmentIds?: readonly number[];
      /** Runs after every write of the change, in its transaction, with the updated row (notifications). */
      afterWrite?: (tx: Db, ticket: TicketRecord) => TicketRecord | void;
      events?: NewTicketEvent[];
      /** A rating of the current closing, written with the state that stops it being due. */
      rating?: NewRating;
      /** E-mails caused by the change: recorded in the outbox in the same transaction. */
      mail?: NewOutboxMail[];
      /** Message-ID of the incoming e-mail that caused the change, recorded with it (see hasInboundReceipt). */
      inboundMessageId?: string;
      /**
       * "Cliente respondeu" set or cleared by the change: written by the same UPDATE as the state, so a
       * reply rewrites the row (and every index on it) once, not twice.
       */
      answerClock?: AnswerClock;
    }
  | { ok: false; code: string };

/** When a customer's message started waiting for an answer, and when that answer is due. */
export interface AnswerClock {
  customerRepliedAt: number | null;
  nextResponseDueAt: number | null;
}

export type ChangeTicketResult =
  | { ok: true; ticket: TicketRecord }
  | { ok: false; code: 'not_found' | 'conflict'; ticket: TicketRecord | null }
  | { ok: false; code: string; ticket: TicketRecord };

/** Every lifecycle field, so the prepared update below writes the whole state (the compiler checks the list). */
const STATE_FIELDS = Object.keys({
  status: true,
  assigneeId: true,
  waitingSince: true,
  reminderStage: true,
  resolvedAt: true,
  closedAt: true,
  closingCount: true,
  ratingDueUntil: true,
  dueAt: true,
  priority: true,
  departmentId: true,
} satisfies Record<keyof TicketState, true>) as (keyof TicketState)[];

function stateParams(state: TicketState): Record<string, unknown> {
  return Object.fromEntries(STATE_FIELDS.map((field) => [field, state[field]]));
}

/** The writes of every ticket change (a reply, a decision, an automation), prepared once per database. */
function ticketChangeStatements(db: Db) {
  // Placeholders as bare SQL values (.set() is typed for SQL): these integer and text columns need no encoding.
  const updateOf = (fields: readonly string[]) =>
    db
      .update(tickets)
      .set({
        ...Object.fromEntries(fields.map((field) => [field, sql`${sql.placeholder(field)}`])),
        version: sql`${sql.placeholder('version')}`,
        updatedAt: sql`${sql.placeholder('updatedAt')}`,
      })
      .where(and(eq(tickets.id, sql.placeholder('id')), eq(tickets.version, sql.placeholder('expectedVersion'))))
      .returning()
      .prepare();
  return cached(db, 'changeTicket', () => ({
    update: updateOf(STATE_FIELDS),
    updateWithAnswerClock: updateOf([...STATE_FIELDS, 'customerRepliedAt', 'nextResponseDueAt']),
    insertMessage: db
      .insert(messages)
      .values({
        ticketId: sql.placeholder('ticketId'),
        authorKind: sql.placeholder('authorKind'),
        authorId: sql.placeholder('authorId'),
        visibility: sql.placeholder('visibility'),
        body: sql.placeholder('body'),
        createdAt: sql.placeholder('createdAt'),
        authorEmail: sql.placeholder('authorEmail'),
      })
      .prepare(),
    insertEvent: db
      .insert(ticketEvents)
      .values({
        ticketId: sql.placeholder('ticketId'),
        actorKind: sql.placeholder('actorKind'),
        actorId: sql.placeholder('actorId'),
        type: sql.placeholder('type'),
        fromStatus: sql.placeholder('fromStatus'),
        toStatus: sql.placeholder('toStatus'),
        // Bare, not column-encoded: the json column's encoder would store a missing detail as the text 'null'.
        data: sql`${sql.placeholder('data')}`,
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  }));
}

/**
 * Read, decide and write a ticket in one synchronous BEGIN IMMEDIATE transaction, so two decisions
 * racing on one ticket are serialized: the second sees the first's result. `expectedVersion` (the
 * version the caller's page showed) turns a change made meanwhile into a `conflict`, never an overwrite.
 */
export function changeTicket(
  db: Db,
  params: { ticketId: number; expectedVersion?: number | undefined; now: number; decide: (ticket: TicketRecord) => TicketChange },
): ChangeTicketResult {
  return writeTransaction(db, (tx) => {
    const ticket = lockTicket(tx, params.ticketId);
    if (!ticket) return { ok: false, code: 'not_found', ticket: null };
    if (params.expectedVersion !== undefined && params.expectedVersion !== ticket.version) {
      return { ok: false, code: 'conflict', ticket };
    }
    const change = params.decide(ticket);
    if (!change.ok) return { ok: false, code: change.code, ticket };
    const updated = writeTicketChange(tx, ticket, change, params.now);
    if (!updated) return { ok: false, code: 'conflict', ticket };
    const final = change.afterWrite?.(tx, updated) ?? updated;
    return { ok: true, ticket: final };
  });
}

/**
 * Reads a ticket to change it, inside the caller's transaction. On SQLite, BEGIN IMMEDIATE already
 * holds the write lock; PostgreSQL's twin reads the row FOR UPDATE, so two decisions on one ticket
 * are serialized on both engines.
 */
export function lockTicket(tx: Db, id: number): TicketRecord | null {
  return getTicket(tx, id);
}

/** What an accepted change writes (everything of TicketChange but the after-write callback). */
export type TicketChangeWrites = Omit<Extract<TicketChange, { ok: true }>, 'ok' | 'afterWrite'>;

/**
 * The writes of an accepted change to `ticket` (as read by lockTicket in this transaction): the state
 * with the version check, messages (the first one gets the files), events, rating, e-mails and the
 * inbound receipt. Null when the version moved meanwhile (a conflict: nothing written).
 */
export function writeTicketChange(tx: Db, ticket: TicketRecord, change: TicketChangeWrites, now: number): TicketRecord | null {
  const statements = ticketChangeStatements(tx);
  const values = { ...stateParams(change.next), version: ticket.version + 1, updatedAt: now, id: ticket.id, expectedVersion: ticket.version };
  const updated = change.answerClock ? statements.updateWithAnswerClock.get({ ...values, ...change.answerClock }) : statements.update.get(values);
  if (!updated) return null;
  // The first message is the one the files (Anexos) belong to; its id also goes on the e-mails that carry them.
  let messageId: number | null = null;
  for (const message of change.messages ?? []) {
    const inserted = statements.insertMessage.run({ ...message, authorId: message.authorId ?? null, authorEmail: message.authorEmail ?? null, ticketId: ticket.id });
    messageId ??= Number(inserted.lastInsertRowid);
  }
  if (change.attachmentIds?.length && messageId !== null) claimOrFail(tx, change.attachmentIds, messageId, ticket.id);
  for (const event of change.events ?? []) {
    statements.insertEvent.run({
      ticketId: ticket.id,
      actorKind: event.actorKind,
      actorId: event.actorId,
      type: event.type,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      data: JSON.stringify(event.data),
      createdAt: event.createdAt,
    });
  }
  if (change.rating) tx.insert(ratings).values({ ...change.rating, ticketId: ticket.id }).run();
  for (const mail of change.mail ?? []) enqueueMail(tx, { ...mail, sourceMessageId: mail.withMessageFiles ? messageId : null }, now);
  if (change.inboundMessageId) tx.insert(inboundReceipts).values({ messageId: change.inboundMessageId, ticketId: ticket.id, receivedAt: now }).run();
  return updated;
}

/** Whether an incoming e-mail with this Message-ID was already taken in (read inside the change's transaction). */
export function hasInboundReceipt(db: Db, messageId: string): boolean {
  return db.select().from(inboundReceipts).where(eq(inboundReceipts.messageId, messageId)).get() !== undefined;
}

/**
 * Claims staged files for a message; a file claimed meanwhile (the same upload sent twice at once)
 * throws, which rolls the whole change back: a message never goes out missing a file it named.
 */
function claimOrFail(tx: Db, ids: readonly number[], messageId: number, ticketId: number): void {
  const claimed = claimAttachments(tx, { ids, messageId, ticketId });
  if (claimed !== new Set(ids).size) throw new AttachmentClaimError();
}

export class AttachmentClaimError extends Error {
  readonly code = 'attachment_unavailable';
  constructor() {
    super('attachment_unavailable');
  }
}

