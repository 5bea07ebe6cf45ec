import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/** At most this many tickets match one search; the queue then pages and filters within them. */
export const SEARCH_MATCH_CAP = 500;

/**
 * Turns what an agent typed into a safe FTS5 query: only letters and digits survive (so `"`, `*`,
 * `OR`, `NEAR(` are words or nothing, never syntax), each word is quoted, all must match; with
 * `prefix`, each word also matches longer words ("rotea" finds "roteador").
 */
export function ftsQueryOf(input: string, prefix = true): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => (prefix ? `"${w}"*` : `"${w}"`)).join(' ') : null;
}

/**
 * Ids of the tickets whose number, subject or any message (public or internal: agents only) matches,
 * newest first within each pass. "123" or "#123" also matches ticket #123 itself.
 *
 * Whole words are searched first, then (if they do not fill the page) words as prefixes. FTS5 reads
 * a whole word's matches newest first and stops at the LIMIT, whatever the size of the history; a
 * prefix query must first merge the matches of every word it could be, which at a million tickets
 * makes a common word cost ten times more. Most searches are whole words.
 */
export function searchTicketIds(db: Db, input: string, limit = SEARCH_MATCH_CAP): number[] {
  const ids = new Set<number>();
  const number = /^\s*#?(\d{1,15})\s*$/.exec(input);
  if (number) {
    const id = Number(number[1]);
    if (db.get<{ id: number }>(sql`select id from tickets where id = ${id}`)) ids.add(id);
  }
  for (const prefix of [false, true]) {
    const match = ftsQueryOf(input, prefix);
    if (!match || ids.size >= limit) break;
    const subjects = db.all<{ id: number }>(sql`select rowid as id from tickets_fts where tickets_fts match ${match} order by rowid desc limit ${limit}`);
    for (const row of subjects) ids.add(row.id);
    if (ids.size >= limit) break;
    const inMessages = db.all<{ id: number }>(
      sql`select m.ticket_id as id from messages_fts join messages m on m.id = messages_fts.rowid where messages_fts match ${match} order by messages_fts.rowid desc limit ${limit * 2}`,
    );
    for (const row of inMessages) ids.add(row.id);
  }
  return [...ids].slice(0, limit);
}
