import { sql } from 'drizzle-orm';
import { SEARCH_MATCH_CAP } from '../../queries/ticket-search.js';
import type { PgExecutor } from '../executor.js';
import { executePlannedEachTime } from '../planned-each-time.js';

/**
 * A safe tsquery from what an agent typed: only letters and digits survive (so `&`, `|`, `!`, `:*`
 * are nothing, never syntax), all words must match; with `prefix`, each word also matches longer
 * words ("rotea" finds "roteador"). The 'atende_pt' configuration strips accents and stems the
 * Portuguese words on both sides, so "conexao" finds "Conexões".
 */
export function tsQueryOf(input: string, prefix = true): string | null {
  const words = input.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length ? words.map((w) => (prefix ? `${w}:*` : w)).join(' & ') : null;
}

/**
 * The newest tickets are searched first, this many ticket numbers at a time, each window eight times
 * the last, until enough tickets matched or the history is covered.
 *
 * Why windows: "the newest matches first" as one `ORDER BY id DESC LIMIT n` let PostgreSQL either read
 * every match through the GIN index and sort them (a common word is in a tenth of all messages), or walk
 * the newest rows backwards and stem each row's text until n matched (about 10 µs a row: 65 ms for
 * "roteador" in subjects at 200k tickets, in parallel workers). A window's query has no order to keep,
 * so it is a bitmap AND of the GIN index and a range of the id index, and only the rows in both are
 * read: 3.6 ms for the same search. A rare word reads few entries of the GIN index whatever the window.
 */
export const FIRST_SEARCH_WINDOW = 8_000;
const WINDOW_GROWTH = 8;

/**
 * searchTicketIds on PostgreSQL: tickets whose number, subject or any message matches, newest first
 * within each pass (whole words, then prefixes), through the GIN expression indexes of pg/schema.ts.
 */
export async function searchTicketIdsPg(db: PgExecutor, input: string, limit = SEARCH_MATCH_CAP): Promise<number[]> {
  const ids = new Set<number>();
  const number = /^\s*#?(\d{1,9})\s*$/.exec(input);
  if (number) {
    const found = await db.execute<{ id: number }>(sql`select id from tickets where id = ${Number(number[1])}`);
    for (const row of found.rows) ids.add(row.id);
  }
  let newest: number | null | undefined;
  for (const prefix of [false, true]) {
    const query = tsQueryOf(input, prefix);
    if (!query || ids.size >= limit) break;
    newest ??= (await db.execute<{ newest: number | null }>(sql`select max(id) as newest from tickets`)).rows[0]?.newest ?? null;
    if (newest === null) break;
    await addNewestMatching(db, 'subject', query, newest, ids, limit);
    await addNewestMatching(db, 'messages', query, newest, ids, limit);
  }
  return [...ids].slice(0, limit);
}

/**
 * Adds the tickets whose subject (or one of whose messages) matches, newest first, window by window,
 * until `ids` holds `limit` tickets or the whole history was searched.
 */
async function addNewestMatching(db: PgExecutor, where: 'subject' | 'messages', query: string, newest: number, ids: Set<number>, limit: number) {
  let upper = newest;
  let span = FIRST_SEARCH_WINDOW;
  while (upper > 0 && ids.size < limit) {
    const lower = Math.max(0, upper - span);
    // Planned for its bounds each time (planned-each-time.ts): the generic plan stems every row in the window.
    const rows =
      where === 'subject'
        ? await executePlannedEachTime<{ id: number }>(
            db,
            sql`select id from tickets where id > ${lower} and id <= ${upper} and to_tsvector('atende_pt', subject) @@ to_tsquery('atende_pt', ${query})`,
          )
        : await executePlannedEachTime<{ id: number }>(
            db,
            sql`select distinct ticket_id as id from messages where ticket_id > ${lower} and ticket_id <= ${upper} and to_tsvector('atende_pt', body) @@ to_tsquery('atende_pt', ${query})`,
          );
    for (const id of rows.map((row) => Number(row.id)).sort((a, b) => b - a)) ids.add(id);
    upper = lower;
    span *= WINDOW_GROWTH;
  }
}
