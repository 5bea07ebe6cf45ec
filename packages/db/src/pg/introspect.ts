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
