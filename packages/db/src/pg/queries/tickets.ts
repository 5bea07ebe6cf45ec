import { createdEvent, CUSTOMER_TABS, type CustomerTab } from '@atende/domain';
import { and, desc, eq, gt, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { NewOutboxMail } from '../../queries/outbox.js';
import {
  AttachmentClaimError,
  type ActivityCursor,
  type ChangeTicketResult,
  type NewTicket,
  type NewTicketEvent,
  type NewTicketRow,
  type TicketChange,
  type TicketChangeWrites,
  type TicketListItem,
  type TicketPage,
  type TicketRecord,
} from '../../queries/tickets.js';
import type { PgDb } from '../client.js';
import { builtOnce, placeholdersOf, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { attachments, departments, inboundReceipts, messages, ratings, ticketEvents, ticketIdempotencyKeys, tickets } from '../schema.js';
import { enqueueMailPg } from './outbox.js';

/**
 * The ticket queries of queries/tickets.ts on PostgreSQL (issue 16): the same parameters and results,
 * returned as promises. The record types are SQLite's own; the compile-time check below keeps the
 * two schemas' ticket rows identical.
 */
type PgTicketRecord = typeof tickets.$inferSelect;
const sameRecord: [PgTicketRecord, TicketRecord] = [{} as TicketRecord, {} as PgTicketRecord];
void sameRecord;

export async function getTicketPg(db: PgExecutor, id: number, options: { forUpdate?: boolean } = {}): Promise<TicketRecord | null> {
  const query = builtOnce(db, options.forUpdate ? 'getTicket:forUpdate' : 'getTicket', () => {
    const select = db.select().from(tickets).where(eq(tickets.id, sql.placeholder('id')));
    return (options.forUpdate ? select.for('update') : select).prepare(UNNAMED);
  });
  const [row] = await query.execute({ id });
  return row ?? null;
}

/**
 * A count of the requester's tickets as a scalar subquery: each one walks its own index range, as
 * SQLite's separate statements do ("Todos" index-only on the requester; the live tabs by equality on
 * the tab column, so years of closed tickets are never visited row by row).
 */
const requesterCount = (condition?: SQL) =>
  sql<number>`(SELECT count(*)::int FROM ${tickets} WHERE ${tickets.requesterId} = ${sql.placeholder('requesterId')}${condition ? sql` AND ${condition}` : sql``})`;

/** The five tab counts as a select's columns (customerTabCountsPg; tagged-panel-reads.ts adds the tag's). */
export const customerTabCountColumns = () => ({
  all: requesterCount(),
  awaitingMyReply: requesterCount(eq(tickets.customerTab, 'awaiting_my_reply')),
  awaitingReturn: requesterCount(eq(tickets.customerTab, 'awaiting_return')),
  awaitingApproval: requesterCount(eq(tickets.customerTab, 'awaiting_approval')),
  unrated: requesterCount(and(eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, sql.placeholder('now')))),
});

type TabCountsRow = { [K in keyof ReturnType<typeof customerTabCountColumns>]: number } | undefined;

export function tabCountsOf(row: TabCountsRow): Record<CustomerTab, number> {
  const counts = Object.fromEntries(CUSTOMER_TABS.map((tab) => [tab, 0])) as Record<CustomerTab, number>;
  counts.all = row?.all ?? 0;
  counts.awaiting_my_reply = row?.awaitingMyReply ?? 0;
  counts.awaiting_return = row?.awaitingReturn ?? 0;
  counts.awaiting_approval = row?.awaitingApproval ?? 0;
  counts.unrated = row?.unrated ?? 0;
  return counts;
}

/** Counts of each tab of the Painel do Cliente in one round trip: one statement of five subqueries. */
export async function customerTabCountsPg(db: PgExecutor, requesterId: number, now: number): Promise<Record<CustomerTab, number>> {
  const query = builtOnce(db, 'customerTabCounts', () => db.select(customerTabCountColumns()).from(sql`(VALUES (1)) AS one (x)`).prepare(UNNAMED));
  const [row] = await query.execute({ requesterId, now });
  return tabCountsOf(row);
}

/** Which of a tab page's statements: the tab's kind and whether a cursor follows a previous page. */
export function customerTabPageVariant(tab: CustomerTab, cursor: ActivityCursor | null): string {
  return `${tab === 'all' || tab === 'unrated' ? tab : 'tab'}:${cursor ? 'after' : 'first'}`;
}

/** A tab page's condition, with placeholders (requesterId, tab, now, cursorUpdatedAt, cursorId). */
export function customerTabPageCondition(tab: CustomerTab, cursor: ActivityCursor | null): SQL | undefined {
  const inTab =
    tab === 'all'
      ? undefined
      : tab === 'unrated'
        ? and(eq(tickets.customerTab, 'unrated'), gt(tickets.ratingDueUntil, sql.placeholder('now')))
        : eq(tickets.customerTab, sql.placeholder('tab'));
  const after = cursor ? sql`(${tickets.updatedAt}, ${tickets.id}) < (${sql.placeholder('cursorUpdatedAt')}, ${sql.placeholder('cursorId')})` : undefined;
  return and(eq(tickets.requesterId, sql.placeholder('requesterId')), inTab, after);
}

/** A tab page's placeholder values: one row more than the page, to know whether another follows. */
export function customerTabPageValues(params: { requesterId: number; tab: CustomerTab; now: number; cursor: ActivityCursor | null; limit: number }) {
  const { requesterId, tab, now, cursor, limit } = params;
  return { requesterId, tab, now, cursorUpdatedAt: cursor?.updatedAt, cursorId: cursor?.id, limit: limit + 1 };
}

/** The page of the rows read (one more than the page when another follows). */
export function customerTabPageOf(rows: TicketListItem[], limit: number): TicketPage {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? { updatedAt: last.updatedAt, id: last.id } : null };
}

/** One page of a requester's tab, newest activity first: keyset on (updated_at, id), one index walk. */
export async function listCustomerTicketsPg(
  db: PgExecutor,
  params: { requesterId: number; tab: CustomerTab; now: number; cursor: ActivityCursor | null; limit: number },
): Promise<TicketPage> {
  const { tab, cursor, limit } = params;
  const query = builtOnce(db, `listCustomerTickets:${customerTabPageVariant(tab, cursor)}`, () =>
    db
      .select({
        id: tickets.id,
        subject: tickets.subject,
        status: tickets.status,
        origin: tickets.origin,
        departmentName: departments.name,
        updatedAt: tickets.updatedAt,
      })
      .from(tickets)
      .leftJoin(departments, eq(departments.id, tickets.departmentId))
      .where(customerTabPageCondition(tab, cursor))
      .orderBy(desc(tickets.updatedAt), desc(tickets.id))
      .limit(sql.placeholder('limit'))
      .prepare(UNNAMED),
  );
  const rows: TicketListItem[] = await query.execute(customerTabPageValues(params));
  return customerTabPageOf(rows, limit);
}

/**
 * createTicket on PostgreSQL: createTicketOncePg's ticket (the due time, later messages, files,
 * routing, notice and idempotency key included, as on SQLite).
 */
export async function createTicketPg(db: PgExecutor, input: NewTicketPg): Promise<TicketRecord> {
  return (await createTicketOncePg(db, input)).ticket;
}

/**
 * The one conditional write of a ticket: succeeds only while the row still has `expectedVersion`.
 * Two of these racing on one row: PostgreSQL makes the second wait for the first's row lock, then
 * re-checks its WHERE against the committed row, so exactly one of them updates it.
 */
export async function updateTicketIfVersionPg(
  db: PgExecutor,
  params: { id: number; expectedVersion: number; change: TicketChange & { ok: true }; now: number },
): Promise<TicketRecord | null> {
  const set = { ...params.change.next, ...params.change.answerClock, version: params.expectedVersion + 1, updatedAt: params.now };
  const { keys, values } = placeholdersOf(set);
  const query = builtOnce(db, `updateTicketIfVersion:${keys}`, () =>
    db
      .update(tickets)
      // drizzle types set() without placeholders, but takes them: each becomes a parameter encoded by its column.
      .set(values as unknown as Partial<PgTicketRecord>)
      .where(and(eq(tickets.id, sql.placeholder('whereId')), eq(tickets.version, sql.placeholder('whereVersion'))))
      .returning()
      .prepare(UNNAMED),
  );
  const [updated] = await query.execute({ ...set, whereId: params.id, whereVersion: params.expectedVersion });
  return updated ?? null;
}

/**
 * changeTicket on PostgreSQL: read (locking the row, so decisions on one ticket are serialized, as
 * BEGIN IMMEDIATE does on SQLite), decide, and write with the version check, in one transaction.
 * `decide` stays synchronous and pure; the promise settles after the commit.
 */
export async function changeTicketPg(
  db: PgDb,
  params: { ticketId: number; expectedVersion?: number | undefined; now: number; decide: (ticket: TicketRecord) => TicketChange },
): Promise<ChangeTicketResult> {
  return db.transaction(async (tx) => {
    const ticket = await lockTicketPg(tx, params.ticketId);
    if (!ticket) return { ok: false, code: 'not_found', ticket: null };
    if (params.expectedVersion !== undefined && params.expectedVersion !== ticket.version) return { ok: false, code: 'conflict', ticket };
    const change = params.decide(ticket);
    if (!change.ok) return { ok: false, code: change.code, ticket };
    const updated = await writeTicketChangePg(tx, ticket, change, params.now);
    if (!updated) return { ok: false, code: 'conflict', ticket };
    return { ok: true, ticket: updated };
  });
}

/**
 * NewTicket for PostgreSQL. `route` and `notify` read and write through the transaction they are
 * given (who served the customer today, the agents' notifications), so on PostgreSQL they receive
 * the pg transaction and may return a promise; everything else is SQLite's NewTicket.
 */
export type NewTicketPg = Omit<NewTicket, 'route' | 'notify'> & {
  route?: (tx: PgExecutor) => MaybePromise<{ assigneeId: number | null; events: NewTicketEvent[] }>;
  notify?: (ticket: TicketRecord, tx: PgExecutor) => MaybePromise<{ mail: NewOutboxMail[]; events: NewTicketEvent[] }>;
};
type MaybePromise<T> = T | Promise<T>;

/**
 * createTicketOnce on PostgreSQL: the ticket, its messages, files, history, e-mails and idempotency
 * key in one transaction (a savepoint inside the caller's). With a key, a transaction-level advisory
 * lock on (contact, key) makes a concurrent repeat wait for the first and then replay its ticket,
 * as BEGIN IMMEDIATE serializes them on SQLite: one ticket, never a unique-key error.
 */
export async function createTicketOncePg(db: PgExecutor, input: NewTicketPg): Promise<{ ticket: TicketRecord; created: boolean }> {
  return db.transaction(async (tx) => {
    if (input.idempotencyKey !== undefined) {
      const earlier = await ticketOfIdempotencyKeyPg(tx, input.requesterId, input.idempotencyKey);
      if (earlier) return { ticket: earlier, created: false };
    }
    const routed = input.route ? await input.route(tx) : undefined;
    const ticket = await insertTicketPg(tx, { ...input, assigneeId: routed ? routed.assigneeId : (input.assigneeId ?? null), events: routed?.events ?? [] });
    const notice = input.notify ? await input.notify(ticket, tx) : undefined;
    for (const mail of notice?.mail ?? []) await enqueueMailPg(tx, { ...mail, ticketId: ticket.id }, input.now);
    await insertTicketEventsPg(tx, ticket.id, notice?.events ?? []);
    if (input.idempotencyKey !== undefined) await recordIdempotencyKeyPg(tx, { contactId: input.requesterId, key: input.idempotencyKey, ticketId: ticket.id, now: input.now });
    return { ticket, created: true };
  });
}

/**
 * Claims staged files for a message. The same file claimed by two writers at once: the second
 * waits for the first's row lock, re-checks `message_id IS NULL`, claims nothing and throws (rolling
 * its change back), as on SQLite.
 */
async function claimOrFailPg(tx: PgExecutor, ids: readonly number[], messageId: number, ticketId: number): Promise<void> {
  const claimed = await tx
    .update(attachments)
    .set({ messageId, ticketId })
    .where(and(inArray(attachments.id, [...ids]), isNull(attachments.messageId)))
    .returning({ id: attachments.id });
  if (claimed.length !== new Set(ids).size) throw new AttachmentClaimError();
}

/** Whether an incoming e-mail with this Message-ID was already taken in (read inside the change's transaction). */
export async function hasInboundReceiptPg(db: PgExecutor, messageId: string): Promise<boolean> {
  const found = await db.select({ messageId: inboundReceipts.messageId }).from(inboundReceipts).where(eq(inboundReceipts.messageId, messageId)).limit(1);
  return found.length > 0;
}

/** The ticket's "Cliente respondeu" clock, written by the change that causes it; returns the updated row. */
/**
 * The ticket an earlier request with this key created, if any. Called inside the creating transaction:
 * a transaction-level advisory lock on (contact, key) first, so a concurrent repeat waits for the first
 * to commit and then finds its ticket (SQLite serializes them with BEGIN IMMEDIATE).
 */
export async function ticketOfIdempotencyKeyPg(tx: PgExecutor, contactId: number, key: string): Promise<TicketRecord | null> {
  await tx.execute(sql`select pg_advisory_xact_lock(${contactId}::integer, hashtext(${key}))`);
  const [seen] = await tx
    .select({ ticketId: ticketIdempotencyKeys.ticketId })
    .from(ticketIdempotencyKeys)
    .where(and(eq(ticketIdempotencyKeys.contactId, contactId), eq(ticketIdempotencyKeys.key, key)));
  return seen ? getTicketPg(tx, seen.ticketId) : null;
}

export async function recordIdempotencyKeyPg(tx: PgExecutor, params: { contactId: number; key: string; ticketId: number; now: number }): Promise<void> {
  await tx.insert(ticketIdempotencyKeys).values({ contactId: params.contactId, key: params.key, ticketId: params.ticketId, createdAt: params.now });
}

/** insertTicket on PostgreSQL: the row, messages (the first claims its files), `created` and the caller's events. */
export async function insertTicketPg(tx: PgExecutor, input: NewTicketRow): Promise<TicketRecord> {
  const [ticket] = await tx
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
    .returning();
  const [first] = await tx.insert(messages).values({ ...input.firstMessage, ticketId: ticket!.id }).returning({ id: messages.id });
  if (input.attachmentIds?.length) await claimOrFailPg(tx, input.attachmentIds, first!.id, ticket!.id);
  for (const message of input.laterMessages ?? []) await tx.insert(messages).values({ ...message, ticketId: ticket!.id });
  const author = { actorKind: input.firstMessage.authorKind, actorId: input.firstMessage.authorId ?? null };
  await tx.insert(ticketEvents).values({ ...createdEvent(author, input.origin, input.now), ticketId: ticket!.id });
  await insertTicketEventsPg(tx, ticket!.id, input.events);
  return ticket!;
}

export async function insertTicketEventsPg(tx: PgExecutor, ticketId: number, events: readonly NewTicketEvent[]): Promise<void> {
  if (events.length > 0) await tx.insert(ticketEvents).values(events.map((event) => ({ ...event, ticketId })));
}

/** lockTicket on PostgreSQL: the row read FOR UPDATE, so two changes of one ticket are serialized. */
export async function lockTicketPg(tx: PgExecutor, id: number): Promise<TicketRecord | null> {
  return getTicketPg(tx, id, { forUpdate: true });
}

/**
 * writeTicketChange on PostgreSQL: the state with the version check (null on a conflict, nothing
 * written), then messages (the first carries the files and is named on the e-mails that carry them),
 * events, rating, e-mails and the inbound receipt.
 */
export async function writeTicketChangePg(tx: PgExecutor, ticket: TicketRecord, change: TicketChangeWrites, now: number): Promise<TicketRecord | null> {
  const updated = await updateTicketIfVersionPg(tx, { id: ticket.id, expectedVersion: ticket.version, change: { ok: true, ...change }, now });
  if (!updated) return null;
  let messageId: number | null = null;
  for (const message of change.messages ?? []) {
    const row = { ...message, ticketId: ticket.id };
    const { keys, values } = placeholdersOf(row);
    const query = builtOnce(tx, `insertMessage:${keys}`, () => tx.insert(messages).values(values).returning({ id: messages.id }).prepare(UNNAMED));
    const [inserted] = await query.execute(row);
    messageId ??= inserted!.id;
  }
  if (change.attachmentIds?.length && messageId !== null) await claimOrFailPg(tx, change.attachmentIds, messageId, ticket.id);
  if (change.events?.length) {
    await tx.insert(ticketEvents).values(
      change.events.map((event) => ({
        ticketId: ticket.id,
        actorKind: event.actorKind,
        actorId: event.actorId,
        type: event.type,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        data: event.data,
        createdAt: event.createdAt,
      })),
    );
  }
  if (change.rating) await tx.insert(ratings).values({ ...change.rating, ticketId: ticket.id });
  for (const mail of change.mail ?? []) await enqueueMailPg(tx, { ...mail, sourceMessageId: mail.withMessageFiles ? messageId : null }, now);
  if (change.inboundMessageId) await tx.insert(inboundReceipts).values({ messageId: change.inboundMessageId, ticketId: ticket.id, receivedAt: now });
  return updated;
}
