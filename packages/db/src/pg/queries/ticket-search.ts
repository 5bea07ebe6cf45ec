import { sql } from 'drizzle-orm';
import { SEARCH_MATCH_CAP } from '../../queries/ticket-search.js';
import type { PgExecutor } from '../executor.js';

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
  for (const prefix of [false, true]) {
    const query = tsQueryOf(input, prefix);
    if (!query || ids.size >= limit) break;
    const subjects = await db.execute<{ id: number }>(
      sql`select id from tickets where to_tsvector('atende_pt', subject) @@ to_tsquery('atende_pt', ${query}) order by id desc limit ${limit}`,
    );
    for (const row of subjects.rows) ids.add(row.id);
    if (ids.size >= limit) break;
    const inMessages = await db.execute<{ id: number }>(
      sql`select ticket_id as id from messages where to_tsvector('atende_pt', body) @@ to_tsquery('atende_pt', ${query}) order by id desc limit ${limit * 2}`,
    );
    for (const row of inMessages.rows) ids.add(row.id);
  }
  return [...ids].slice(0, limit);
}
