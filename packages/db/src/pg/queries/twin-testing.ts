import { randomBytes } from 'node:crypto';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import type { Db } from '../../client.js';
import { seedDemoData } from '../../seed/demo-data.js';
import { createTestDatabase } from '../../testing/index.js';
import { closePgDatabase, openPgDatabase, type PgDb } from '../client.js';
import { copySqliteToPg } from '../copy/copy-sqlite-to-pg.js';
import { PG_TEST_ADMIN_URL, pgUrlFor } from '../testing.js';

/** The two engines a twin test compares: the same data on each. */
export interface BothEngines {
  sqlite: Db;
  pg: PgDb;
}

async function admin(query: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_TEST_ADMIN_URL });
  await client.connect();
  try {
    await client.query(query);
  } finally {
    await client.end();
  }
}

/**
 * createDemoDatabasesOnBothEngines, but the PostgreSQL database sorts text by a language's rules
 * (ICU pt-BR: 'ana' before 'Zeca', accents folded), as a production server created with a pt_BR or
 * en_US locale does. A test server made with the C locale would hide a missing COLLATE "C"; this one
 * shows it.
 */
export async function createDemoDatabasesWithLanguageCollation(now: number) {
  const sqlite = createTestDatabase();
  seedDemoData(sqlite.db, { passwordHash: 'x', now, environment: 'test' });
  const worker = (process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0').replace(/\D/g, '');
  const name = `atende_test_${worker}_${randomBytes(6).toString('hex')}`;
  const drop = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'pt-BR' LOCALE 'C.UTF-8'`);
  const url = pgUrlFor(name);
  try {
    await copySqliteToPg({ sourceFile: sqlite.file, targetUrl: url });
  } catch (error) {
    sqlite.dispose();
    await drop();
    throw error;
  }
  const pgDb = openPgDatabase(url, { max: 6 });
  return {
    sqlite: sqlite.db,
    pg: pgDb,
    dispose: async () => {
      sqlite.dispose();
      await closePgDatabase(pgDb);
      await drop();
    },
  };
}

type Row = Record<string, unknown>;

function byKeys(keys: string[]) {
  return (a: Row, b: Row) => {
    for (const key of keys) {
      const [x, y] = [a[key], b[key]];
      if (x === y) continue;
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      return String(x) < String(y) ? -1 : 1;
    }
    return 0;
  };
}

/**
 * Every row of one table on each engine, read through drizzle (so booleans, JSON and epoch-ms times are
 * the same JS values on both) and sorted by `keys`: a write's twin must leave equal tables.
 */
export async function rowsOnBoth(both: BothEngines, sqliteTable: SQLiteTable, pgTable: PgTable, keys: string[] = ['id']): Promise<{ sqlite: Row[]; pg: Row[] }> {
  const sqlite = both.sqlite.select().from(sqliteTable).all() as Row[];
  const pg = (await both.pg.select().from(pgTable)) as Row[];
  return { sqlite: sqlite.sort(byKeys(keys)), pg: pg.sort(byKeys(keys)) };
}
