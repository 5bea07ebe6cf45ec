import { desc, eq, inArray, sql } from 'drizzle-orm';
import { CUSTOMER_SEARCH_LIMIT, type searchCustomerTickets } from '../../queries/customer-search.js';
import type { PgExecutor } from '../executor.js';
import { executePlannedEachTime } from '../planned-each-time.js';
import { departments, tickets } from '../schema.js';
import { tsQueryOf } from './ticket-search.js';

/** Ticket ids are `integer`: a longer number names no ticket (and would not fit the parameter). */
const MAX_TICKET_ID = 2_147_483_647;

/**
 * searchCustomerTickets on PostgreSQL: the customer's own tickets whose number, subject or any PUBLIC
 * message matches, through the GIN expression indexes ('atende_pt': accents and case ignored, and
 * Portuguese stemming, which FTS5 does not do: "noites" also finds "noite"). Whole words first, then
 * prefixes, then the found tickets newest activity first, as on SQLite.
 */
export async function searchCustomerTicketsPg(
  db: PgExecutor,
  params: { requesterId: number; input: string; limit?: number },
): Promise<ReturnType<typeof searchCustomerTickets>> {
  const { requesterId, input } = params;
  const limit = params.limit ?? CUSTOMER_SEARCH_LIMIT;
  const ids = new Set<number>();
  const number = /^\s*#?(\d{1,15})\s*$/.exec(input);
  if (number && Number(number[1]) <= MAX_TICKET_ID) {
    const found = await db.execute<{ id: number }>(sql`select id from tickets where id = ${Number(number[1])} and requester_id = ${requesterId}`);
    for (const row of found.rows) ids.add(row.id);
  }
  for (const prefix of [false, true]) {
    const query = tsQueryOf(input, prefix);
    if (!query || ids.size >= limit) break;
    // Both planned for the contact each time (planned-each-time.ts): a generic plan would stem every
    // ticket or message of a contact with years of history.
    const inSubjects = await executePlannedEachTime<{ id: number }>(
      db,
      sql`select id from tickets
          where to_tsvector('atende_pt', subject) @@ to_tsquery('atende_pt', ${query}) and requester_id = ${requesterId}
          order by id desc limit ${limit}`,
    );
    for (const row of inSubjects) ids.add(row.id);
    // SQLite's message pass has no ORDER BY (FTS5 returns rowid order); newest tickets first here, so
    // which ones a search matching more than `limit` tickets keeps is at least stable.
    const inMessages = await executePlannedEachTime<{ id: number }>(
      db,
      sql`select distinct m.ticket_id as id from messages m join tickets t on t.id = m.ticket_id
          where to_tsvector('atende_pt', m.body) @@ to_tsquery('atende_pt', ${query}) and m.visibility = 'public' and t.requester_id = ${requesterId}
          order by m.ticket_id desc limit ${limit}`,
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
    .orderBy(desc(tickets.updatedAt), desc(tickets.id));
}
