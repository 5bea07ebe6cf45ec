import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, contacts, inboundReceipts, messages, outbox, ratings, ticketEvents, tickets } from '../schema.js';
import type { Account } from './accounts.js';
import { messageIdFor, type NewOutboxMail } from './outbox.js';
import { cached } from './prepared.js';
import { getTicket, type ChangeTicketResult, type TicketChange, type TicketRecord } from './tickets.js';

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction on the connection, for work that changes many tickets
 * in a row (the automation runner): one commit (one fsync) for the lot. Every changeTicketInBatch (or
 * changeTicket) inside it becomes a savepoint, so a ticket whose change throws is rolled back alone and
 * the tickets before it are kept. A crash before the commit loses the whole batch, never part of a ticket.
 * The caller bounds the batch (time and count): the write lock is held until `fn` returns.
 */
export function batchTransaction<T>(db: Db, fn: () => T): T {
  return db.$client.transaction(fn).immediate();
}

/**
 * changeTicket's read-decide-write with statements prepared once per database instead of built per
 * call (the builder costs more than the indexed write), for runs of many changes. Same contract:
 * reads the fresh row, lets `decide` refuse, writes only if the version is still the one read.
 * A savepoint inside a batchTransaction, or its own IMMEDIATE transaction when called alone.
 */
export function changeTicketInBatch(db: Db, params: { ticketId: number; now: number; decide: (ticket: TicketRecord) => TicketChange }): ChangeTicketResult {
  return db.$client
    .transaction((): ChangeTicketResult => {
      const ticket = getTicket(db, params.ticketId);
      if (!ticket) return { ok: false, code: 'not_found', ticket: null };
      const change = params.decide(ticket);
      if (!change.ok) return { ok: false, code: change.code, ticket };
      const next = change.next;
      const version = ticket.version + 1;
      const written = updateState(db).run({
        id: ticket.id,
        readVersion: ticket.version,
        version,
        updatedAt: params.now,
        status: next.status,
        assigneeId: next.assigneeId,
        waitingSince: next.waitingSince,
        reminderStage: next.reminderStage,
        resolvedAt: next.resolvedAt,
        closedAt: next.closedAt,
        closingCount: next.closingCount,
        ratingDueUntil: next.ratingDueUntil,
        dueAt: next.dueAt,
        priority: next.priority,
        departmentId: next.departmentId,
      });
      if (written.changes === 0) return { ok: false, code: 'conflict', ticket };
      // Rare for batch callers: the builder is fine for these.
      if (change.message) db.insert(messages).values({ ...change.message, ticketId: ticket.id }).run();
      for (const event of change.events ?? []) {
        insertEvent(db).run({
          ticketId: ticket.id,
          actorKind: event.actorKind,
          actorId: event.actorId ?? null,
          type: event.type,
          fromStatus: event.fromStatus ?? null,
          toStatus: event.toStatus ?? null,
          data: event.data === undefined || event.data === null ? null : JSON.stringify(event.data),
          createdAt: event.createdAt,
        });
      }
      if (change.rating) db.insert(ratings).values({ ...change.rating, ticketId: ticket.id }).run();
      for (const mail of change.mail ?? []) enqueueMailPrepared(db, mail, params.now);
      if (change.inboundMessageId) db.insert(inboundReceipts).values({ messageId: change.inboundMessageId, ticketId: ticket.id, receivedAt: params.now }).run();
      return { ok: true, ticket: getTicket(db, ticket.id)! };
    })
    .immediate();
}

/** findAccount with a prepared statement: the recipient of an e-mail, read inside the batch. */
export function findAccountPrepared(db: Db, kind: 'contact' | 'agent', id: number): Account | null {
  if (kind === 'agent') {
    const agent = cached(db, 'batch:agentById', () => db.select().from(agents).where(eq(agents.id, sql.placeholder('id'))).prepare()).get({ id });
    return agent ? { kind: 'agent', ...agent } : null;
  }
  const contact = cached(db, 'batch:contactById', () => db.select().from(contacts).where(eq(contacts.id, sql.placeholder('id'))).prepare()).get({ id });
  return contact ? { kind: 'contact', ...contact } : null;
}

/** enqueueMail with a prepared statement (same dedupe: a second insert of a key does nothing). */
function enqueueMailPrepared(db: Db, mail: NewOutboxMail, now: number, messageDomain = 'atende.local'): boolean {
  const insert = cached(db, 'batch:enqueueMail', () =>
    db
      .insert(outbox)
      .values({
        dedupeKey: sql.placeholder('dedupeKey'),
        ticketId: sql.placeholder('ticketId'),
        kind: sql.placeholder('kind'),
        toAddress: sql.placeholder('toAddress'),
        replyTo: sql.placeholder('replyTo'),
        subject: sql.placeholder('subject'),
        textBody: sql.placeholder('textBody'),
        htmlBody: sql.placeholder('htmlBody'),
        messageId: sql.placeholder('messageId'),
        status: 'pending',
        nextAttemptAt: sql.placeholder('now'),
        createdAt: sql.placeholder('now'),
      })
      .onConflictDoNothing({ target: outbox.dedupeKey })
      .prepare(),
  );
  return insert.run({ ...mail, messageId: messageIdFor(mail.dedupeKey, messageDomain), now }).changes > 0;
}

/** A placeholder as a bare SQL value: `.set()` takes SQL, and these integer and text columns need no encoding. */
const bound = (name: string) => sql`${sql.placeholder(name)}`;

const updateState = (db: Db) =>
  cached(db, 'batch:updateTicketState', () =>
    db
      .update(tickets)
      .set({
        status: bound('status'),
        assigneeId: bound('assigneeId'),
        waitingSince: bound('waitingSince'),
        reminderStage: bound('reminderStage'),
        resolvedAt: bound('resolvedAt'),
        closedAt: bound('closedAt'),
        closingCount: bound('closingCount'),
        ratingDueUntil: bound('ratingDueUntil'),
        dueAt: bound('dueAt'),
        priority: bound('priority'),
        departmentId: bound('departmentId'),
        version: bound('version'),
        updatedAt: bound('updatedAt'),
      })
      .where(and(eq(tickets.id, sql.placeholder('id')), eq(tickets.version, sql.placeholder('readVersion'))))
      .prepare(),
  );

const insertEvent = (db: Db) =>
  cached(db, 'batch:insertTicketEvent', () =>
    db
      .insert(ticketEvents)
      .values({
        ticketId: sql.placeholder('ticketId'),
        actorKind: sql.placeholder('actorKind'),
        actorId: sql.placeholder('actorId'),
        type: sql.placeholder('type'),
        fromStatus: sql.placeholder('fromStatus'),
        toStatus: sql.placeholder('toStatus'),
        // Bare (not a column-encoded parameter): the caller passes the JSON text or NULL, never the text 'null'.
        data: sql`${sql.placeholder('data')}`,
        createdAt: sql.placeholder('createdAt'),
      })
      .prepare(),
  );
