import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { seedDemoData } from '../seed/demo-data.js';
import { createTestDatabase } from '../testing/index.js';
import { closePgDatabase, migratePgDatabase, openPgDatabase, type PgDb } from './client.js';
import { copySqliteToPg } from './copy/copy-sqlite-to-pg.js';
import { agents, companies, contacts, departments } from './schema.js';

/**
 * The server the PostgreSQL tests (`*.pg.test.ts`, `pnpm test:pg`) use; a maintenance database on
 * it creates and drops one fresh database per test file.
 */
export const PG_TEST_ADMIN_URL = process.env.PG_TEST_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** `url` with its database name replaced. */
export function pgUrlFor(database: string, base = PG_TEST_ADMIN_URL): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_TEST_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** An empty database named atende_test_<worker>_<random> (names are generated: safe to interpolate). */
export async function createEmptyPgTestDatabase(): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const worker = (process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0').replace(/\D/g, '');
  const name = `atende_test_${worker}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return {
    name,
    url: pgUrlFor(name),
    // FORCE: a test that failed half-way may leave a connection open.
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A migrated, fresh PostgreSQL database: tests run against the real server, never mocks. */
export async function createPgTestDatabase(): Promise<{ db: PgDb; url: string; dispose: () => Promise<void> }> {
  const database = await createEmptyPgTestDatabase();
  const db = openPgDatabase(database.url, { max: 6 });
  try {
    await migratePgDatabase(db);
  } catch (error) {
    await closePgDatabase(db);
    await database.drop();
    throw error;
  }
  return {
    db,
    url: database.url,
    dispose: async () => {
      await closePgDatabase(db);
      await database.drop();
    },
  };
}

/**
 * Both engines holding the same demo data: the SQLite demo seed, copied into a fresh PostgreSQL
 * database by db:copy. Lets a test ask both engines the same question.
 */
export async function createDemoDatabasesOnBothEngines(now: number) {
  const sqlite = createTestDatabase();
  seedDemoData(sqlite.db, { passwordHash: 'x', now, environment: 'test' });
  const target = await createEmptyPgTestDatabase();
  try {
    await copySqliteToPg({ sourceFile: sqlite.file, targetUrl: target.url });
  } catch (error) {
    sqlite.dispose();
    await target.drop();
    throw error;
  }
  const pgDb = openPgDatabase(target.url, { max: 6 });
  return {
    sqlite: sqlite.db,
    sqliteFile: sqlite.file,
    pg: pgDb,
    pgUrl: target.url,
    dispose: async () => {
      sqlite.dispose();
      await closePgDatabase(pgDb);
      await target.drop();
    },
  };
}

/** The few rows most PostgreSQL query tests need: a company, a contact, an agent, a department. */
export async function seedPgBasics(db: PgDb, now: number): Promise<{ contactId: number; agentId: number; departmentId: number; companyId: number }> {
  const [company] = await db.insert(companies).values({ name: 'Academia Boa Forma', createdAt: now }).returning();
  const [contact] = await db.insert(contacts).values({ companyId: company!.id, name: 'Cliente', email: 'cliente@example.com', createdAt: now }).returning();
  const [agent] = await db.insert(agents).values({ name: 'Agente', email: 'agente@example.com', createdAt: now }).returning();
  const [department] = await db.insert(departments).values({ name: 'Suporte' }).returning();
  return { contactId: contact!.id, agentId: agent!.id, departmentId: department!.id, companyId: company!.id };
}

/**
 * Template databases for the BFF suite on PostgreSQL (`pnpm test:pg`): one holding README's demo data,
 * one migrated and empty, made once per run by vitest.pg.config.ts's global setup. A test's database is
 * then `CREATE DATABASE … TEMPLATE`, a file copy inside the server, instead of a migration and a
 * db:copy per test.
 */
export type PgTemplateContent = 'demo' | 'empty';
export type PgTemplateNames = Record<PgTemplateContent, string>;

declare module 'vitest' {
  export interface ProvidedContext {
    /** PostgreSQL template databases made once per `pnpm test:pg` run; each test copies one. */
    pgTemplates: PgTemplateNames;
  }
}

export async function createPgTemplates(sqliteDemoFile: string): Promise<PgTemplateNames> {
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const names: PgTemplateNames = { demo: `atende_template_demo_${suffix}`, empty: `atende_template_empty_${suffix}` };
  await admin((c) => c.query(`CREATE DATABASE ${names.empty}`));
  const empty = openPgDatabase(pgUrlFor(names.empty), { max: 1 });
  try {
    await migratePgDatabase(empty);
  } finally {
    await closePgDatabase(empty);
  }
  await admin((c) => c.query(`CREATE DATABASE ${names.demo}`));
  const copied = await copySqliteToPg({ sourceFile: sqliteDemoFile, targetUrl: pgUrlFor(names.demo) });
  if (!copied.ok) throw new Error('the demo data did not copy into the PostgreSQL template');
  return names;
}

export async function dropPgTemplates(names: PgTemplateNames): Promise<void> {
  for (const name of Object.values(names)) await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

/** A fresh database copied from a template (names come from createPgTemplates: safe to interpolate). */
export async function createPgTestDatabaseFromTemplate(template: string): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const worker = (process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '0').replace(/\D/g, '');
  const name = `atende_test_${worker}_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  return {
    name,
    url: pgUrlFor(name),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A statement on a connection of its own, as psql or another program would send it. */
export async function queryFromOutside(url: string, text: string, params: unknown[] = []): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text, params);
  } finally {
    await client.end();
  }
}
