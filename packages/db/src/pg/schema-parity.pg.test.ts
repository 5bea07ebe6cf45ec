import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema.js';
import { createTestDatabase } from '../testing/index.js';
import { pgSchemaShape, schemaDifferences, sqliteSchemaShape, type SchemaShape } from './introspect.js';
import { createPgTestDatabase } from './testing.js';

/**
 * The guard of "every table is written for both engines" (issue 16): both migration sets are applied
 * to fresh databases, both catalogs are read, and they must describe the same tables and columns.
 * A table, column or index added to schema.ts without its twin in pg/schema.ts (and a regenerated
 * drizzle-pg migration) fails here.
 */

let sqliteShape: SchemaShape;
let pgShape: SchemaShape;
const cleanups: (() => unknown)[] = [];

beforeAll(async () => {
  const sqlite = createTestDatabase();
  cleanups.push(sqlite.dispose);
  sqliteShape = sqliteSchemaShape(sqlite.db.$client);
  const pg = await createPgTestDatabase();
  cleanups.push(pg.dispose);
  pgShape = await pgSchemaShape(pg.db.$client);
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('schema parity: SQLite and PostgreSQL', () => {
  it('are twins: same tables, columns (compatible types, same nullability), indexes and full-text indexes', () => {
    expect(schemaDifferences(sqliteShape, pgShape)).toEqual([]);
    expect(sqliteShape.tables.size).toBeGreaterThan(15);
    expect(sqliteShape.fullTextTables.length).toBeGreaterThanOrEqual(2);
  });

  it('would name a missing table, a missing or extra column, a type or nullability mismatch and a missing index', () => {
    const pgTables = new Map(pgShape.tables);
    pgTables.delete('leases');
    pgTables.set(
      'tickets',
      pgShape.tables
        .get('tickets')!
        .filter((c) => c.name !== 'customer_tab')
        .map((c) => (c.name === 'subject' ? { ...c, type: 'integer' } : c.name === 'due_at' ? { ...c, nullable: false } : c))
        .concat({ name: 'search_vector', type: 'tsvector', nullable: true }),
    );
    const pgIndexes = new Set([...pgShape.indexes].filter((name) => name !== 'outbox_due_idx' && name !== 'messages_body_search_idx'));
    expect(schemaDifferences(sqliteShape, { ...pgShape, tables: pgTables, indexes: pgIndexes }).sort()).toEqual(
      [
        'table leases has no PostgreSQL twin',
        'column tickets.customer_tab has no PostgreSQL twin',
        'column tickets.subject: SQLite text but PostgreSQL integer',
        'column tickets.due_at: nullable on SQLite but not on PostgreSQL',
        'column tickets.search_vector exists only on PostgreSQL',
        'index outbox_due_idx has no PostgreSQL twin',
        'full-text table messages_fts has no PostgreSQL GIN index (FULL_TEXT_TWINS)',
      ].sort(),
    );
  });

  it('map booleans to boolean, JSON to jsonb and times stay wide enough (from the drizzle SQLite schema)', () => {
    const checked = { boolean: 0, json: 0 };
    for (const table of (Object.values(sqliteSchema) as unknown[]).filter((v): v is SQLiteTable => v instanceof SQLiteTable)) {
      const config = sqliteTableConfig(table);
      const pgColumns = new Map((pgShape.tables.get(config.name) ?? []).map((c) => [c.name, c.type]));
      for (const column of config.columns) {
        const pgType = pgColumns.get(column.name);
        if (column.columnType === 'SQLiteBoolean') {
          expect(pgType, `${config.name}.${column.name}`).toBe('boolean');
          checked.boolean++;
        }
        if (column.columnType === 'SQLiteTextJson') {
          expect(pgType, `${config.name}.${column.name}`).toBe('jsonb');
          checked.json++;
        }
        // Epoch milliseconds overflow a 32-bit integer.
        if (/_at$|_until$|_since$|^at$/.test(column.name)) expect(pgType, `${config.name}.${column.name}`).toBe('bigint');
      }
    }
    // The schema has several of each: a renamed drizzle column kind must not make this test vacuous.
    expect(checked.boolean).toBeGreaterThanOrEqual(5);
    expect(checked.json).toBeGreaterThanOrEqual(3);
  });

});
