import { sql, type Placeholder } from 'drizzle-orm';
import type { PgExecutor } from './executor.js';

/**
 * Drizzle rebuilds a query's SQL text on every call. On the PostgreSQL path that cost more of the
 * server's CPU than the round trip itself (profile of the 50-message ticket page: 15% in drizzle's
 * query building). Hot twins build their query once per executor and variant, with placeholders, as
 * SQLite's `cached` (queries/prepared.ts) does: `builtOnce(db, 'name:variant', () => query.prepare(UNNAMED))`.
 *
 * A built query belongs to the client it was built on: the pool (queries outside a transaction), or
 * one of the pool's connections (a transaction is a new drizzle object each time, on a connection the
 * pool keeps). Keyed by that client, a query first run inside a transaction is built once per
 * connection, not once per transaction, and runs on the connection holding the current transaction.
 * It also belongs to its drizzle instance (its logger, its dialect): a test's logging instance on the
 * same pool builds its own.
 */
const built = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

export function builtOnce<T>(db: PgExecutor, key: string, build: () => T): T {
  const handle = db as unknown as { dialect: object; session: { client: object } };
  let forInstance = built.get(handle.dialect);
  if (!forInstance) {
    forInstance = new WeakMap();
    built.set(handle.dialect, forInstance);
  }
  let forDb = forInstance.get(handle.session.client);
  if (!forDb) {
    forDb = new Map();
    forInstance.set(handle.session.client, forDb);
  }
  let query = forDb.get(key) as T | undefined;
  if (query === undefined) {
    query = build();
    forDb.set(key, query);
  }
  return query;
}

/**
 * The name given to drizzle's `prepare`: none. Drizzle would send a name of its own; left unnamed, the
 * pool's connection class names the text per connection, or sends it unnamed when prepared statements
 * are off (DATABASE_PREPARED_STATEMENTS=off, for a pooler that cannot carry them; store/pg-connection.ts).
 */
export const UNNAMED = undefined as unknown as string;

/**
 * An insert's or update's values as placeholders named after their keys, and the key list that names
 * the variant: `builtOnce(db, \`insertX:${keys}\`, () => db.insert(x).values(values).prepare(UNNAMED))`,
 * then `execute(row)`. Keys whose value is undefined are left out, as drizzle leaves them out of a
 * plain insert (the column's default applies): they would otherwise be sent as NULL.
 */
export function placeholdersOf<T extends object>(row: T): { keys: string; values: { [K in keyof T]: Placeholder } } {
  const names = Object.keys(row).filter((name) => row[name as keyof T] !== undefined);
  return {
    keys: names.join(','),
    values: Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as { [K in keyof T]: Placeholder },
  };
}
