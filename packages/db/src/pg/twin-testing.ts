import type { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.js';
import * as sqliteSchema from '../schema.js';
import type { PgDb } from './client.js';
import * as pgSchema from './schema.js';

/** A table both schemas hold under one name. */
type TwinTable = keyof typeof sqliteSchema & keyof typeof pgSchema;

/**
 * A table's rows on each engine as drizzle reads them (booleans, parsed JSON, epoch numbers), in
 * key order: after the same writes on both engines, the twin tests assert the two are equal.
 */
export async function tableOnBothEngines(both: { sqlite: Db; pg: PgDb }, table: TwinTable): Promise<{ sqlite: unknown[]; pg: unknown[] }> {
  const byKey = (rows: Record<string, unknown>[]) => rows.sort((a, b) => Number(a.id ?? a.agentId) - Number(b.id ?? b.agentId));
  const sqlite = both.sqlite.select().from(sqliteSchema[table] as SQLiteTable).all() as Record<string, unknown>[];
  const pg = (await both.pg.select().from(pgSchema[table] as PgTable)) as Record<string, unknown>[];
  return { sqlite: byKey(sqlite), pg: byKey(pg) };
}
