import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { closeDatabase, migrateDatabase, openDatabase, type Db } from '../client.js';
import { closePgDatabase, isPostgresUrl, migratePgDatabase, openPgDatabase, type PgDb } from '../pg/client.js';
import { copySqliteToPg } from '../pg/copy/copy-sqlite-to-pg.js';
import { agents } from '../pg/schema.js';
import { isDatabaseEmpty, seedDemoData } from '../seed/demo-data.js';
import type { Database } from './database.js';
import { postgresStore } from './pg-store.js';
import { closeSqliteStore, sqliteStore } from './sqlite-database.js';

/** The store a process runs on, opened and migrated, with what only the opener may do. */
export interface OpenedStore {
  db: Database;
  /** For logs: the SQLite file, or the PostgreSQL server and database (never the password). */
  location: string;
  /** The SQLite writer connection (checkpoints, file backups); null on PostgreSQL. */
  sqliteWriter: Db | null;
  /** True when no one can sign in yet (no agent): a fresh install. */
  isEmpty(): Promise<boolean>;
  /** Fills an empty database with README's demo data (refused in production by seedDemoData). */
  seedDemo(options: { passwordHash: string; now: number; environment: string | undefined }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the database the configuration names (issue 16): `DATABASE_URL=postgres://…` selects
 * PostgreSQL; unset, the embedded SQLite file. Pending migrations are applied; nothing is ever dropped.
 */
export async function openStore(options: { databaseUrl: string | undefined; sqliteFile: string; poolMax?: number; preparedStatements?: boolean }): Promise<OpenedStore> {
  if (isPostgresUrl(options.databaseUrl)) return openPostgresStore(options.databaseUrl, options.poolMax, options.preparedStatements);
  const writer = openDatabase(options.sqliteFile);
  migrateDatabase(writer);
  const db = sqliteStore(writer);
  return {
    db,
    location: options.sqliteFile,
    sqliteWriter: writer,
    isEmpty: () => Promise.resolve(isDatabaseEmpty(writer)),
    seedDemo: (seed) => Promise.resolve(seedDemoData(writer, seed)),
    close: () => Promise.resolve(closeSqliteStore(db)),
  };
}

async function openPostgresStore(url: string, poolMax = 10, preparedStatements = true): Promise<OpenedStore> {
  // Migrations on a connection of their own; the server's pool opens after them (see postgresStore).
  const migrator = openPgDatabase(url, { max: 1 });
  try {
    await migratePgDatabase(migrator);
  } finally {
    await closePgDatabase(migrator);
  }
  const store = postgresStore(url, { max: poolMax, preparedStatements });
  const pg = store.pg;
  const parsed = new URL(url);
  return {
    db: store.db,
    location: `postgres://${parsed.host}${parsed.pathname}`,
    sqliteWriter: null,
    isEmpty: () => isPostgresEmpty(pg),
    // The demo data has one definition: it is written to a scratch SQLite file, then copied with the
    // same tool that moves a company over (db:copy), which refuses a target that has any row.
    seedDemo: async (seed) => {
      const dir = mkdtempSync(join(tmpdir(), 'atende-demo-'));
      try {
        const scratch = openDatabase(join(dir, 'demo.db'));
        migrateDatabase(scratch);
        seedDemoData(scratch, seed);
        closeDatabase(scratch);
        const copied = await copySqliteToPg({ sourceFile: join(dir, 'demo.db'), targetUrl: url });
        if (!copied.ok) throw new Error('the demo data did not copy identically into PostgreSQL');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    close: () => store.close(),
  };
}

async function isPostgresEmpty(pg: PgDb): Promise<boolean> {
  const [row] = await pg.select({ n: sql<number>`count(*)::int` }).from(agents);
  return (row?.n ?? 0) === 0;
}
