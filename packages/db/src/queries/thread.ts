import type { TicketEvent } from '@atende/domain';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, contacts, departments, messages, ticketEvents, tickets } from '../schema.js';
import { cached } from './prepared.js';

export interface ThreadMessage {
  id: number;
  authorKind: 'contact' | 'agent' | 'system';
  authorName: string | null;
  visibility: 'public' | 'internal';
  body: string;
  createdAt: number;
}

/** A ticket's messages, oldest first. Customers get `public` only: internal notes never leave for them. */
export function ticketThread(db: Db, ticketId: number, audience: 'customer' | 'staff'): ThreadMessage[] {
  const query = cached(db, `ticketThread:${audience}`, () =>
    db
      .select({
        id: messages.id,
        authorKind: messages.authorKind,
        authorName: sql<string | null>`coalesce(${agents.name}, ${contacts.name}, ${messages.authorEmail})`,
        visibility: messages.visibility,
        body: messages.body,
        createdAt: messages.createdAt,
      })
      .from(messages)
      .leftJoin(agents, and(eq(messages.authorKind, 'agent'), eq(agents.id, messages.authorId)))
      .leftJoin(contacts, and(eq(messages.authorKind, 'contact'), eq(contacts.id, messages.authorId)))
      .where(and(eq(messages.ticketId, sql.placeholder('ticketId')), audience === 'customer' ? eq(messages.visibility, 'public') : undefined))
      .orderBy(asc(messages.id))
      .prepare(),
  );
  return query.all({ ticketId });
}

/**
 * A stored history line, typed by its `type` (the column's CHECK admits only the domain's types, and
 * every write goes through the domain's builders). Rows written before the details were typed may
 * have none: `data` is then null.
 */
export type TicketEventRow = TicketEvent extends infer E ? (E extends TicketEvent ? Omit<E, 'data'> & { id: number; ticketId: number; data: E['data'] | null } : never) : never;

export function ticketHistory(db: Db, ticketId: number): TicketEventRow[] {
  return db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(asc(ticketEvents.id)).all() as TicketEventRow[];
}

/**
 * The ticket a closed duplicate was merged into: the `mergedInto` of its latest closing, or null when
 * that closing was not a merge. One indexed row from the newest end (ticket_events_ticket_idx), where
 * reading the whole history with its e-mail texts cost a closed ticket's page 5% of its time.
 */
export function latestClosingMergeTarget(db: Db, ticketId: number): number | null {
  const query = cached(db, 'latestClosingMergeTarget', () =>
    db
      .select({ mergedInto: sql<number | null>`${ticketEvents.data} ->> '$.mergedInto'` })
      .from(ticketEvents)
      .where(and(eq(ticketEvents.ticketId, sql.placeholder('ticketId')), eq(ticketEvents.toStatus, 'closed')))
      .orderBy(desc(ticketEvents.id))
      .limit(1)
      .prepare(),
  );
  const target = query.get({ ticketId })?.mergedInto;
  return typeof target === 'number' ? target : null;
}

export interface AutomaticAction {
  id: number;
  type: string;
  /** For an approval timeout: what it did (`close` or `keep`); null otherwise. */
  outcome: string | null;
  createdAt: number;
}

/**
 * The rules' own actions on a ticket, of the given types, oldest first. Read on every customer view
 * of a ticket, so SQLite filters them: the other events (and the e-mail texts they carry) stay on disk.
 */
export function automaticActions(db: Db, ticketId: number, types: readonly string[]): AutomaticAction[] {
  const query = cached(db, 'automaticActions', () =>
    db
      .select({
        id: ticketEvents.id,
        type: ticketEvents.type,
        outcome: sql<string | null>`${ticketEvents.data} ->> '$.outcome'`,
        createdAt: ticketEvents.createdAt,
      })
      .from(ticketEvents)
      .where(
        and(
          eq(ticketEvents.ticketId, sql.placeholder('ticketId')),
          eq(ticketEvents.actorKind, 'system'),
          sql`${ticketEvents.type} IN (SELECT value FROM json_each(${sql.placeholder('types')}))`,
        ),
      )
      .orderBy(asc(ticketEvents.id))
      .prepare(),
  );
  return query.all({ ticketId, types: JSON.stringify(types) });
}

/** The names shown beside a ticket: requester, department, assignee. */
/** The names around a ticket: its requester (with e-mail and phone), department and assignee. */
export interface TicketParticipants {
  requesterName: string;
  requesterEmail: string;
  requesterPhone: string | null;
  departmentName: string | null;
  assigneeName: string | null;
}

export function ticketParticipants(db: Db, ticketId: number): TicketParticipants | undefined {
  const query = cached(db, 'ticketParticipants', () =>
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
      .prepare(),
  );
  return query.get({ ticketId });
}
