import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AutomaticAction, ThreadMessage, TicketEventRow, ticketParticipants } from '../../queries/thread.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { agents, contacts, departments, messages, ticketEvents, tickets } from '../schema.js';

/** The thread queries of queries/thread.ts on PostgreSQL: same parameters and results, as promises. */

/**
 * The author's name comes from scalar subqueries on the primary keys rather than SQLite's left joins
 * (the same name: at most one row each): the plan stays one walk of messages_ticket_idx, already in id
 * order, where PostgreSQL's planner may otherwise pick a merge join and sort the ticket's messages.
 */
export async function ticketThreadPg(db: PgExecutor, ticketId: number, audience: 'customer' | 'staff'): Promise<ThreadMessage[]> {
  const query = builtOnce(db, `ticketThread:${audience}`, () =>
    db
    .select({
      id: messages.id,
      authorKind: messages.authorKind,
      authorName: sql<string | null>`coalesce(
        (SELECT ${agents.name} FROM ${agents} WHERE ${messages.authorKind} = 'agent' AND ${agents.id} = ${messages.authorId}),
        (SELECT ${contacts.name} FROM ${contacts} WHERE ${messages.authorKind} = 'contact' AND ${contacts.id} = ${messages.authorId}),
        ${messages.authorEmail})`,
      visibility: messages.visibility,
      body: messages.body,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.ticketId, sql.placeholder('ticketId')), audience === 'customer' ? eq(messages.visibility, 'public') : undefined))
    .orderBy(asc(messages.id))
    .prepare(UNNAMED),
  );
  return query.execute({ ticketId });
}

/** latestClosingMergeTarget of queries/thread.ts: `->>` gives text here, so the number is cast in SQL. */
export async function latestClosingMergeTargetPg(db: PgExecutor, ticketId: number): Promise<number | null> {
  const query = builtOnce(db, 'latestClosingMergeTarget', () =>
    db
      .select({ mergedInto: sql<number | null>`CASE WHEN jsonb_typeof(${ticketEvents.data} -> 'mergedInto') = 'number' THEN (${ticketEvents.data} ->> 'mergedInto')::int END` })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, sql.placeholder('ticketId')), eq(ticketEvents.toStatus, 'closed')))
      .orderBy(desc(ticketEvents.id))
      .limit(1)
      .prepare(UNNAMED),
  );
  const [row] = await query.execute({ ticketId });
  return row?.mergedInto ?? null;
}

/** `data` is jsonb here and JSON text on SQLite: both read back as the same object (or null). */
export async function ticketHistoryPg(db: PgExecutor, ticketId: number): Promise<TicketEventRow[]> {
  return (await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id))) as TicketEventRow[];
}

/**
 * The rules' own actions of the given types. `->>` yields text on PostgreSQL where SQLite's yields the
 * JSON value's own type; every outcome written is a string (`close`/`keep`), so both give the same.
 */
export async function automaticActionsPg(db: PgExecutor, ticketId: number, types: readonly string[]): Promise<AutomaticAction[]> {
  // An empty list matches nothing on SQLite (json_each of []); say so rather than send an empty IN.
  if (types.length === 0) return [];
  const query = builtOnce(db, 'automaticActions', () =>
    db
    .select({
      id: ticketEvents.id,
      type: ticketEvents.type,
      outcome: sql<string | null>`${ticketEvents.data} ->> 'outcome'`,
      createdAt: ticketEvents.createdAt,
    })
    .from(ticketEvents)
    .where(and(eq(ticketEvents.ticketId, sql.placeholder('ticketId')), eq(ticketEvents.actorKind, 'system'), sql`${ticketEvents.type} = ANY(${sql.placeholder('types')}::text[])`))
    .orderBy(asc(ticketEvents.id))
    .prepare(UNNAMED),
  );
  return query.execute({ ticketId, types: [...types] });
}

export async function ticketParticipantsPg(db: PgExecutor, ticketId: number): Promise<ReturnType<typeof ticketParticipants>> {
  const query = builtOnce(db, 'ticketParticipants', () =>
    db
    .select({
      requesterName: contacts.name,
      requesterEmail: contacts.email,
      requesterPhone: contacts.phone,
      departmentName: departments.name,
      assigneeName: agents.name,
    })
    .from(tickets)
    .innerJoin(contacts, eq(contacts.id, tickets.requesterId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .leftJoin(agents, eq(agents.id, tickets.assigneeId))
    .where(eq(tickets.id, sql.placeholder('ticketId')))
    .prepare(UNNAMED),
  );
  const [row] = await query.execute({ ticketId });
  return row;
}
