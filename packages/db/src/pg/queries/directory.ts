import { eq, or, sql } from 'drizzle-orm';
import type { DirectoryHit } from '../../queries/directory.js';
import type { PgExecutor } from '../executor.js';
import { companies, contacts } from '../schema.js';

const DIRECTORY_LIMIT = 20;

function pattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * searchDirectory on PostgreSQL: case-insensitive substring (ILIKE, `%` and `_` typed by the agent
 * escaped) over company names and contact names/e-mails, capped by a LIMIT — the directory holds
 * thousands of rows at most, as on SQLite. Names are ordered byte-wise (COLLATE "C"), SQLite's order,
 * so both engines list the same hits in the same order.
 */
export async function searchDirectoryPg(db: PgExecutor, q: string): Promise<DirectoryHit> {
  const p = pattern(q.trim());
  const escape = sql`ESCAPE '\\'`;
  return {
    companies: await db
      .select({ id: companies.id, name: companies.name })
      .from(companies)
      .where(sql`${companies.name} ILIKE ${p} ${escape}`)
      .orderBy(sql`${companies.name} COLLATE "C"`, companies.id)
      .limit(DIRECTORY_LIMIT),
    contacts: await db
      .select({ id: contacts.id, name: contacts.name, email: contacts.email, companyId: contacts.companyId, companyName: companies.name })
      .from(contacts)
      .leftJoin(companies, eq(companies.id, contacts.companyId))
      .where(or(sql`${contacts.name} ILIKE ${p} ${escape}`, sql`${contacts.email} ILIKE ${p} ${escape}`))
      .orderBy(sql`${contacts.name} COLLATE "C"`, contacts.id)
      .limit(DIRECTORY_LIMIT),
  };
}
