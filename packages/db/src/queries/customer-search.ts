import { desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { departments, tickets } from '../schema.js';
import { ftsQueryOf } from './ticket-search.js';

/** A customer's search returns at most this many tickets (their most recently active first). */
export const CUSTOMER_SEARCH_LIMIT = 50;

/**
 * The Painel do Cliente's search (issue 15): the customer's own tickets whose number, subject or any
 * PUBLIC message matches (an internal note never finds a ticket for a customer: that would leak its
 * words). Accents and case are ignored (the FTS5 tokenizer removes diacritics). Whole words first,
 * then prefixes, as in the agents' search (ticket-search.ts).
 */
export function searchCustomerTickets(db: Db, params: { requesterId: number; input: string; limit?: number }) {
  const { requesterId, input } = params;
  const limit = params.limit ?? CUSTOMER_SEARCH_LIMIT;
  const ids = new Set<number>();
  const number = /^\s*#?(\d{1,15})\s*$/.exec(input);
  if (number) {
    const row = db.get<{ id: number }>(sql`select id from tickets where id = ${Number(number[1])} and requester_id = ${requesterId}`);
    if (row) ids.add(row.id);
  }
  for (const prefix of [false, true]) {
    const match = ftsQueryOf(input, prefix);
    if (!match || ids.size >= limit) break;
    const inSubjects = db.all<{ id: number }>(
      sql`select t.id as id from tickets_fts f join tickets t on t.id = f.rowid
          where tickets_fts match ${match} and t.requester_id = ${requesterId} order by t.id desc limit ${limit}`,
    );
    for (const row of inSubjects) ids.add(row.id);
    const inMessages = db.all<{ id: number }>(
      sql`select distinct m.ticket_id as id from messages_fts f join messages m on m.id = f.rowid join tickets t on t.id = m.ticket_id
          where messages_fts match ${match} and m.visibility = 'public' and t.requester_id = ${requesterId} limit ${limit}`,
    );
    for (const row of inMessages) ids.add(row.id);
  }
  const found = [...ids].slice(0, limit);
  if (found.length === 0) return [];
  return db
    .select({ id: tickets.id, subject: tickets.subject, status: tickets.status, origin: tickets.origin, departmentName: departments.name, updatedAt: tickets.updatedAt })
    .from(tickets)
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(inArray(tickets.id, found))
    .orderBy(desc(tickets.updatedAt), desc(tickets.id))
    .all();
}
