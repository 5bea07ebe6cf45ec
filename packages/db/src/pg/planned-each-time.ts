import type { SQL } from 'drizzle-orm';
import type { PgDialect } from 'drizzle-orm/pg-core';
import type { PgExecutor } from './executor.js';

type QueryClient = { query: (config: { text: string; values: unknown[]; name: string }) => Promise<{ rows: unknown[] }> };

/**
 * Runs a statement unnamed, so PostgreSQL plans it for its values on every run and never settles on a
 * generic plan. A server's connections name every other statement (store/pg-connection.ts), and after
 * five runs PostgreSQL keeps a named statement's generic plan when that plan looks cheaper. For a
 * full-text condition beside a range or a requester it does look cheaper, and is not: it walks the
 * range and stems every row's text. The console's search window at 200k tickets ("roteador", the
 * newest 8,000 tickets) took 26 ms that way, against 4.5 ms for the bitmap AND of the GIN index and
 * the range that its values' plan uses (EXPLAIN under force_generic_plan, session 17); under the
 * benchmark's load the search fell to 31 requests a CPU-second. Planning each run costs about 0.3 ms.
 *
 * An empty name is pg's unnamed statement (the connection class names only queries without a name).
 */
export async function executePlannedEachTime<T>(db: PgExecutor, query: SQL): Promise<T[]> {
  const handle = db as unknown as { dialect: PgDialect; session: { client: QueryClient } };
  const { sql: text, params } = handle.dialect.sqlToQuery(query);
  const result = await handle.session.client.query({ text, values: params, name: '' });
  return result.rows as T[];
}
