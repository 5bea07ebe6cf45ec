import type Database from 'better-sqlite3';
import type pg from 'pg';

/** A column as both engines describe it in their catalogs. */
export interface ColumnShape {
  name: string;
  /** Declared type, lower case: SQLite's `integer`/`text`; PostgreSQL's data_type (`integer`, `bigint`, `jsonb`…). */
  type: string;
  nullable: boolean;
}

export interface SchemaShape {
  tables: Map<string, ColumnShape[]>;
  indexes: Set<string>;
  /** SQLite FTS5 virtual tables (their shadow tables are left out of `tables`). */
  fullTextTables: string[];
}

const MIGRATION_TABLES = new Set(['__drizzle_migrations']);

/** Tables, columns and index names of a SQLite database, from sqlite_master and pragma table_xinfo. */
export function sqliteSchemaShape(sqlite: Database.Database): SchemaShape {
  const rows = sqlite
    .prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { type: string; name: string; tbl_name: string; sql: string | null }[];
  const fullTextTables = rows.filter((r) => r.type === 'table' && /^CREATE VIRTUAL TABLE/i.test(r.sql ?? '')).map((r) => r.name);
  // FTS5 keeps its data in shadow tables named <virtual table>_data, _idx, _content, _docsize, _config.
  const isFullText = (name: string) => fullTextTables.some((vt) => name === vt || name.startsWith(`${vt}_`));
  const tables = new Map<string, ColumnShape[]>();
  for (const row of rows) {
    if (row.type !== 'table' || MIGRATION_TABLES.has(row.name) || isFullText(row.name)) continue;
    // table_xinfo, not table_info: it also lists generated columns (customer_tab). hidden=1 are a
    // virtual table's hidden columns, never a real one.
    const columns = sqlite.prepare(`SELECT name, type, "notnull", pk, hidden FROM pragma_table_xinfo(?)`).all(row.name) as {
      name: string;
      type: string;
      notnull: number;
      pk: number;
      hidden: number;
    }[];
    tables.set(
      row.name,
      columns
        .filter((c) => c.hidden !== 1)
        // A primary key column holds no NULL in practice (drizzle declares them NOT NULL, rowids are never NULL).
        .map((c) => ({ name: c.name, type: c.type.toLowerCase(), nullable: c.notnull === 0 && c.pk === 0 })),
    );
  }
  const indexes = new Set(rows.filter((r) => r.type === 'index' && !isFullText(r.tbl_name)).map((r) => r.name));
  return { tables, indexes, fullTextTables };
}

/** Tables, columns and index names of the public schema of a PostgreSQL database, from information_schema and pg_indexes. */
export async function pgSchemaShape(client: pg.Pool | pg.Client): Promise<SchemaShape> {
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: 'YES' | 'NO' }>(
    `SELECT c.table_name, c.column_name, c.data_type, c.is_nullable
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, ColumnShape[]>();
  for (const row of columns.rows) {
    const list = tables.get(row.table_name) ?? [];
    list.push({ name: row.column_name, type: row.data_type, nullable: row.is_nullable === 'YES' });
    tables.set(row.table_name, list);
  }
  const indexes = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`);
  return { tables, indexes: new Set(indexes.rows.map((r) => r.indexname)), fullTextTables: [] };
}

/** PostgreSQL types a SQLite declared type may become (see the mapping in pg/schema.ts). */
export const COMPATIBLE_TYPES: Record<string, string[]> = {
  integer: ['integer', 'bigint', 'boolean'],
  text: ['text', 'jsonb'],
};

/** SQLite FTS5 tables and the PostgreSQL GIN index that does their job. */
export const FULL_TEXT_TWINS: Record<string, string> = {
  tickets_fts: 'tickets_subject_search_idx',
  messages_fts: 'messages_body_search_idx',
};

/**
 * Every way the PostgreSQL schema fails to be SQLite's twin, one sentence each (empty: twins).
 * Tables, columns (names, compatible types, nullability), indexes, and full-text twins.
 */
export function schemaDifferences(sqlite: SchemaShape, pg: SchemaShape): string[] {
  const problems: string[] = [];
  for (const table of sqlite.tables.keys()) if (!pg.tables.has(table)) problems.push(`table ${table} has no PostgreSQL twin`);
  for (const table of pg.tables.keys()) if (!sqlite.tables.has(table)) problems.push(`table ${table} exists only on PostgreSQL`);
  for (const [table, sqliteColumns] of sqlite.tables) {
    const pgColumns = new Map((pg.tables.get(table) ?? []).map((c) => [c.name, c]));
    if (!pg.tables.has(table)) continue;
    for (const column of sqliteColumns) {
      const twin = pgColumns.get(column.name);
      if (!twin) {
        problems.push(`column ${table}.${column.name} has no PostgreSQL twin`);
        continue;
      }
      if (!(COMPATIBLE_TYPES[column.type] ?? []).includes(twin.type)) {
        problems.push(`column ${table}.${column.name}: SQLite ${column.type} but PostgreSQL ${twin.type}`);
      }
      if (twin.nullable !== column.nullable) {
        problems.push(`column ${table}.${column.name}: ${column.nullable ? 'nullable' : 'NOT NULL'} on SQLite but not on PostgreSQL`);
      }
    }
    const names = new Set(sqliteColumns.map((c) => c.name));
    for (const name of pgColumns.keys()) if (!names.has(name)) problems.push(`column ${table}.${name} exists only on PostgreSQL`);
  }
  for (const index of sqlite.indexes) if (!pg.indexes.has(index)) problems.push(`index ${index} has no PostgreSQL twin`);
  for (const ftsTable of sqlite.fullTextTables) {
    const twin = FULL_TEXT_TWINS[ftsTable];
    if (!twin || !pg.indexes.has(twin)) problems.push(`full-text table ${ftsTable} has no PostgreSQL GIN index (FULL_TEXT_TWINS)`);
  }
  return problems;
}
