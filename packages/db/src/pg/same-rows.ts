import type { Db } from '../client.js';
import * as sqliteSchema from '../schema.js';
import type { PgExecutor } from './executor.js';
import * as pgSchema from './schema.js';

/** Tables the twin tests compare after writes (any table that both schemas define would do). */
export type ComparedTable =
  | 'agents'
  | 'attachments'
  | 'companies'
  | 'contactEmails'
  | 'contacts'
  | 'inboundReceipts'
  | 'messages'
  | 'outbox'
  | 'sessions'
  | 'ticketEvents'
  | 'ticketIdempotencyKeys'
  | 'tickets';

/**
 * Every row of one table on both engines, each read through its own drizzle schema (so the same JS
 * values: numbers, booleans, parsed JSON), sorted the same way: a test asserts `pg` equals `sqlite`
 * after running a query and its twin.
 */
export async function rowsOnBothEngines(both: { sqlite: Db; pg: PgExecutor }, table: ComparedTable): Promise<{ sqlite: unknown[]; pg: unknown[] }> {
  const onSqlite = both.sqlite.select().from(sqliteSchema[table]).all() as unknown[];
  const onPg = (await both.pg.select().from(pgSchema[table])) as unknown[];
  const sorted = (rows: unknown[]) => rows.map((row) => [JSON.stringify(row), row] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row);
  return { sqlite: sorted(onSqlite), pg: sorted(onPg) };
}
