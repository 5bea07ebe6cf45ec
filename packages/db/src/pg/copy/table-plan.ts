import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as pgSchema from '../schema.js';

/** How one table is copied and checked: its columns, their kinds, and a total order of its rows. */
export interface TablePlan {
  name: string;
  /** Copied columns (generated ones, like tickets.customer_tab, are recomputed by PostgreSQL). */
  columns: { name: string; kind: 'boolean' | 'json' | 'text' | 'number' }[];
  /** A unique key (primary key, else a unique index): the order of both sides' checksums and of the copy's keyset pages. */
  orderBy: string[];
  /** The identity column whose sequence must move past the copied ids. */
  identity: string | null;
}

function kindOf(column: PgColumn): TablePlan['columns'][number]['kind'] {
  if (column.columnType === 'PgBoolean') return 'boolean';
  if (column.columnType === 'PgJsonb' || column.columnType === 'PgJson') return 'json';
  if (column.columnType === 'PgText') return 'text';
  return 'number';
}

function planOf(table: PgTable): TablePlan {
  const config = getTableConfig(table);
  const columns = config.columns.filter((c) => !c.generated);
  const primary = columns.filter((c) => c.primary).map((c) => c.name);
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const unique = config.indexes.find((i) => i.config.unique)?.config.columns.map((c) => (c as PgColumn).name);
  const orderBy = primary.length ? primary : (composite ?? unique);
  if (!orderBy?.length) throw new Error(`Table ${config.name} has no unique key to order its rows by`);
  const identity = columns.find((c) => c.primary && (c as unknown as { generatedIdentity?: unknown }).generatedIdentity)?.name ?? null;
  return { name: config.name, columns: columns.map((c) => ({ name: c.name, kind: kindOf(c) })), orderBy, identity };
}

/**
 * Tables the target's own triggers fill as the copied rows arrive, so they are neither copied nor
 * compared: panel_stamps (a stamp per contact, random by design: the target gets new ones).
 */
const DERIVED_TABLES = new Set(['panel_stamps']);

/** Every table of the schema that holds data, parents before the tables that reference them. */
export function tablesInForeignKeyOrder(): TablePlan[] {
  const tables = (Object.values(pgSchema) as unknown[]).filter((v): v is PgTable => v instanceof PgTable && !DERIVED_TABLES.has(getTableConfig(v).name));
  const parentsOf = new Map(
    tables.map((t) => {
      const config = getTableConfig(t);
      return [config.name, config.foreignKeys.map((fk) => getTableConfig(fk.reference().foreignTable).name).filter((name) => name !== config.name)];
    }),
  );
  const ordered: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.includes(name)) return;
    if (path.includes(name)) throw new Error(`Foreign key cycle: ${[...path, name].join(' → ')}`);
    for (const parent of parentsOf.get(name) ?? []) visit(parent, [...path, name]);
    ordered.push(name);
  };
  for (const name of [...parentsOf.keys()].sort()) visit(name, []);
  const byName = new Map(tables.map((t) => [getTableConfig(t).name, t]));
  return ordered.map((name) => planOf(byName.get(name)!));
}
