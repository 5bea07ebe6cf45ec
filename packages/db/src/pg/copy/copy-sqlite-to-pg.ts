import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_FOLDER } from '../../client.js';
import type pg from 'pg';
import { closePgDatabase, migratePgDatabase, openPgDatabase } from '../client.js';
import { TableChecksum } from './canonical-rows.js';
import { tablesInForeignKeyOrder, type TablePlan } from './table-plan.js';

/**
 * `pnpm db:copy --to postgres://…` (issue 16): moves a company from the SQLite file to an EMPTY
 * PostgreSQL database. The target is migrated, every table is copied in foreign-key order in
 * batches inside one transaction (a failure leaves the target empty, so a rerun starts clean), the
 * identity sequences are moved past the copied ids, and then both sides are read back in key order:
 * the row count and an md5 over canonical rows must match per table.
 *
 * The source is read in one read transaction (a consistent snapshot even while Atende runs on WAL),
 * but stop the server first anyway: writes made after the snapshot would not be copied.
 */

export interface TableCopyResult {
  table: string;
  rows: number;
  sourceChecksum: string;
  targetChecksum: string;
  ok: boolean;
}

export class TargetNotEmptyError extends Error {}

const PAGE_ROWS = 2000;
/** PostgreSQL takes at most 65535 parameters per statement. */
const MAX_PARAMETERS = 60_000;

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The refusal, before anything is written: any row in any table of the target's public schema. */
async function assertEmpty(client: pg.PoolClient): Promise<void> {
  const tables = await client.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const filled: string[] = [];
  for (const { table_name } of tables.rows) {
    const { rowCount } = await client.query(`SELECT 1 FROM ${quote(table_name)} LIMIT 1`);
    if (rowCount) filled.push(table_name);
  }
  if (filled.length) {
    throw new TargetNotEmptyError(
      `The target database is not empty (rows in: ${filled.join(', ')}). db:copy only writes into an empty database, ` +
        `so nothing was changed. Create a new one (e.g. createdb atende) and run it again.`,
    );
  }
}

export class SourceNotMigratedError extends Error {}

/** The source must have every SQLite migration this code knows, or its columns would not be the schema's. */
function assertSourceMigrated(sqlite: Database.Database): void {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
  const applied = sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = '__drizzle_migrations'`).get() as { n: number };
  const count = applied.n ? (sqlite.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n : 0;
  if (count !== journal.entries.length) {
    throw new SourceNotMigratedError(
      `The SQLite database has ${count} of this version's ${journal.entries.length} migrations. Start this version of Atende once on it ` +
        `(it migrates on start), stop it, then run db:copy again. Nothing was written.`,
    );
  }
}

function toParameter(kind: TablePlan['columns'][number]['kind'], value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (kind === 'boolean') return value === 1 || value === true;
  return value; // JSON text goes as text; PostgreSQL parses it into jsonb.
}

/** `(c1, c2) > ($n, …)`: the next keyset page (row comparison; text compared byte-wise on both engines). */
function afterKey(plan: TablePlan, engine: 'sqlite' | 'pg', firstParameter: number): string {
  const textColumns = new Set(plan.columns.filter((c) => c.kind === 'text').map((c) => c.name));
  const left = plan.orderBy.map((c) => (engine === 'pg' && textColumns.has(c) ? `${quote(c)} COLLATE "C"` : quote(c)));
  const right = plan.orderBy.map((_, i) => (engine === 'pg' ? `$${firstParameter + i}` : '?'));
  return `(${left.join(', ')}) > (${right.join(', ')})`;
}

function orderClause(plan: TablePlan, engine: 'sqlite' | 'pg'): string {
  const textColumns = new Set(plan.columns.filter((c) => c.kind === 'text').map((c) => c.name));
  return plan.orderBy.map((c) => (engine === 'pg' && textColumns.has(c) ? `${quote(c)} COLLATE "C"` : quote(c))).join(', ');
}

function sqlitePages(sqlite: Database.Database, plan: TablePlan): Iterable<Record<string, unknown>[]> {
  const columns = plan.columns.map((c) => quote(c.name)).join(', ');
  const first = sqlite.prepare(`SELECT ${columns} FROM ${quote(plan.name)} ORDER BY ${orderClause(plan, 'sqlite')} LIMIT ${PAGE_ROWS}`);
  const next = sqlite.prepare(`SELECT ${columns} FROM ${quote(plan.name)} WHERE ${afterKey(plan, 'sqlite', 1)} ORDER BY ${orderClause(plan, 'sqlite')} LIMIT ${PAGE_ROWS}`);
  return {
    *[Symbol.iterator]() {
      let page = first.all() as Record<string, unknown>[];
      while (page.length) {
        yield page;
        if (page.length < PAGE_ROWS) return;
        const last = page.at(-1)!;
        page = next.all(...plan.orderBy.map((c) => last[c])) as Record<string, unknown>[];
      }
    },
  };
}

async function* pgPages(client: pg.PoolClient, plan: TablePlan): AsyncIterable<Record<string, unknown>[]> {
  const columns = plan.columns.map((c) => quote(c.name)).join(', ');
  let last: Record<string, unknown> | null = null;
  for (;;) {
    const from: Record<string, unknown> | null = last;
    const where: string = from ? `WHERE ${afterKey(plan, 'pg', 1)}` : '';
    const parameters: unknown[] = from ? plan.orderBy.map((c) => from[c]) : [];
    const { rows }: { rows: Record<string, unknown>[] } = await client.query<Record<string, unknown>>(
      `SELECT ${columns} FROM ${quote(plan.name)} ${where} ORDER BY ${orderClause(plan, 'pg')} LIMIT ${PAGE_ROWS}`,
      parameters,
    );
    if (rows.length) yield rows;
    if (rows.length < PAGE_ROWS) return;
    last = rows.at(-1)!;
  }
}

async function insertPage(client: pg.PoolClient, plan: TablePlan, rows: Record<string, unknown>[]): Promise<void> {
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / plan.columns.length));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = [];
    const tuples = chunk.map((row) => {
      const slots = plan.columns.map((c) => {
        parameters.push(toParameter(c.kind, row[c.name]));
        return `$${parameters.length}`;
      });
      return `(${slots.join(', ')})`;
    });
    const overriding = plan.identity ? ' OVERRIDING SYSTEM VALUE' : '';
    await client.query(
      `INSERT INTO ${quote(plan.name)} (${plan.columns.map((c) => quote(c.name)).join(', ')})${overriding} VALUES ${tuples.join(', ')}`,
      parameters,
    );
  }
}

/** Row counts and checksums of every table, read from both sides in key order. */
async function compareTables(
  sqlite: Database.Database,
  target: pg.PoolClient,
  plans: TablePlan[],
  onTable?: (result: TableCopyResult) => void,
): Promise<TableCopyResult[]> {
  const tables: TableCopyResult[] = [];
  for (const plan of plans) {
    const source = new TableChecksum(plan);
    for (const page of sqlitePages(sqlite, plan)) source.add(page);
    const copied = new TableChecksum(plan);
    for await (const page of pgPages(target, plan)) copied.add(page);
    const sourceChecksum = source.digest();
    const targetChecksum = copied.digest();
    const result = { table: plan.name, rows: source.count, sourceChecksum, targetChecksum, ok: source.count === copied.count && sourceChecksum === targetChecksum };
    tables.push(result);
    onTable?.(result);
  }
  return tables;
}

/** The copy's check on its own: does the PostgreSQL database hold exactly the SQLite one's rows? */
export async function compareSqliteWithPg(params: { sourceFile: string; targetUrl: string }): Promise<{ ok: boolean; tables: TableCopyResult[] }> {
  const sqlite = new Database(params.sourceFile, { readonly: true, fileMustExist: true });
  const db = openPgDatabase(params.targetUrl, { max: 1 });
  const target = await db.$client.connect();
  try {
    const tables = await compareTables(sqlite, target, tablesInForeignKeyOrder());
    return { ok: tables.every((t) => t.ok), tables };
  } finally {
    target.release();
    sqlite.close();
    await closePgDatabase(db);
  }
}

/** Copies the SQLite database at `sourceFile` into the empty PostgreSQL database at `targetUrl`. */
export async function copySqliteToPg(params: {
  sourceFile: string;
  targetUrl: string;
  onTable?: (result: TableCopyResult) => void;
}): Promise<{ ok: boolean; tables: TableCopyResult[] }> {
  const sqlite = new Database(params.sourceFile, { readonly: true, fileMustExist: true });
  const db = openPgDatabase(params.targetUrl, { max: 1 });
  try {
    assertSourceMigrated(sqlite);
    const client = await db.$client.connect();
    try {
      await assertEmpty(client);
    } finally {
      client.release();
    }
    await migratePgDatabase(db);
    const plans = tablesInForeignKeyOrder();
    const target = await db.$client.connect();
    try {
      sqlite.exec('BEGIN'); // one snapshot of the source for the copy and its check
      await target.query('BEGIN');
      for (const plan of plans) {
        for (const page of sqlitePages(sqlite, plan)) await insertPage(target, plan, page);
        if (plan.identity) {
          await target.query(
            `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quote(plan.identity)}), 0) + 1, false) FROM ${quote(plan.name)}`,
            [plan.name, plan.identity],
          );
        }
      }
      await target.query('COMMIT');
      const tables = await compareTables(sqlite, target, plans, params.onTable);
      return { ok: tables.every((t) => t.ok), tables };
    } catch (error) {
      await target.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      target.release();
    }
  } finally {
    if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
    sqlite.close();
    await closePgDatabase(db);
  }
}
