import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/** At most this many tickets match one search; the queue then pages and filters within them. */
export const SEARCH_MATCH_CAP = 500;

/**
 * Turns what an agent typed into a safe FTS5 query: only letters and digits survive (so `"`, `*`,
 * `OR`, `NEAR(` are words or nothing, never syntax), each word is quoted and prefix-matched, all must match.
 */
export function ftsQueryOf(input: string): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

/**
 * Ids of the tickets whose number, subject or any message (public or internal: agents only) matches,
 * newest first. "123" or "#123" also matches ticket #123 itself.
 */
export function searchTicketIds(db: Db, input: string, limit = SEARCH_MATCH_CAP): number[] {
  const ids = new Set<number>();
  const number = /^\s*#?(\d{1,15})\s*$/.exec(input);
  if (number) {
    const id = Number(number[1]);
    if (db.get<{ id: number }>(sql`select id from tickets where id = ${id}`)) ids.add(id);
  }
  const match = ftsQueryOf(input);
  if (match) {
    // Two walks in rowid order (newest first), no sort: subjects, then the messages' tickets.
    const subjects = db.all<{ id: number }>(sql`select rowid as id from tickets_fts where tickets_fts match ${match} order by rowid desc limit ${limit}`);
    const inMessages = db.all<{ id: number }>(
      sql`select m.ticket_id as id from messages_fts join messages m on m.id = messages_fts.rowid where messages_fts match ${match} order by messages_fts.rowid desc limit ${limit * 4}`,
    );
    const rows = [...subjects, ...inMessages];
    for (const row of rows) ids.add(row.id);
  }
  return [...ids].slice(0, limit);
}
