import { getTableConfig as sqliteTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as sqliteSchema from '../schema.js';
import { createTestDatabase } from '../testing/index.js';
import { pgSchemaShape, sqliteSchemaShape, type SchemaShape } from './introspect.js';
import { createPgTestDatabase } from './testing.js';

/**
 * The guard of "every table is written for both engines" (issue 16): both migration sets are applied
 * to fresh databases, both catalogs are read, and they must describe the same tables and columns.
 * A table, column or index added to schema.ts without its twin in pg/schema.ts (and a regenerated
 * drizzle-pg migration) fails here.
 */

/** PostgreSQL types a SQLite declared type may become (see the mapping in pg/schema.ts). */
const COMPATIBLE_TYPES: Record<string, string[]> = {
  integer: ['integer', 'bigint', 'boolean'],
  text: ['text', 'jsonb'],
};

/** SQLite FTS5 tables and the PostgreSQL GIN index that does their job. */
const FULL_TEXT_TWINS: Record<string, string> = {
  tickets_fts: 'tickets_subject_search_idx',
  messages_fts: 'messages_body_search_idx',
};

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
  it('have the same tables', () => {
    expect([...pgShape.tables.keys()].filter((t) => t !== '__drizzle_migrations').sort()).toEqual([...sqliteShape.tables.keys()].sort());
    expect(sqliteShape.tables.size).toBeGreaterThan(15);
  });

  it('have the same columns in each table, with compatible types and the same nullability', () => {
    for (const [table, sqliteColumns] of sqliteShape.tables) {
      const pgColumns = new Map((pgShape.tables.get(table) ?? []).map((c) => [c.name, c]));
      expect([...pgColumns.keys()].sort(), `columns of ${table}`).toEqual(sqliteColumns.map((c) => c.name).sort());
      for (const column of sqliteColumns) {
        const twin = pgColumns.get(column.name)!;
        expect(COMPATIBLE_TYPES[column.type] ?? [], `${table}.${column.name}: SQLite ${column.type}, PostgreSQL ${twin.type}`).toContain(twin.type);
        expect(twin.nullable, `${table}.${column.name} nullability`).toBe(column.nullable);
      }
    }
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

  it('have every SQLite index, and a GIN index for each full-text table', () => {
    const missing = [...sqliteShape.indexes].filter((name) => !pgShape.indexes.has(name));
    expect(missing).toEqual([]);
    expect(sqliteShape.fullTextTables.sort()).toEqual(Object.keys(FULL_TEXT_TWINS).sort());
    for (const index of Object.values(FULL_TEXT_TWINS)) expect(pgShape.indexes).toContain(index);
  });
});
