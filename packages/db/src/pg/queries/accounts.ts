import { asc, eq, sql } from 'drizzle-orm';
import type { Account } from '../../queries/accounts.js';
import { builtOnce, UNNAMED } from '../built-once.js';
import type { PgExecutor } from '../executor.js';
import { agents, contacts } from '../schema.js';

/** The account queries of queries/accounts.ts on PostgreSQL: same parameters and results, as promises. */

export async function findAccountByEmailPg(db: PgExecutor, email: string): Promise<Account | null> {
  const normalized = email.trim().toLowerCase();
  const [agent] = await db.select().from(agents).where(eq(agents.email, normalized));
  if (agent) return { kind: 'agent', ...agent };
  const [contact] = await db.select().from(contacts).where(eq(contacts.email, normalized));
  if (contact) return { kind: 'contact', ...contact };
  return null;
}

export async function findAccountPg(db: PgExecutor, kind: 'contact' | 'agent', id: number): Promise<Account | null> {
  if (kind === 'agent') {
    const query = builtOnce(db, 'findAccount:agent', () => db.select().from(agents).where(eq(agents.id, sql.placeholder('id'))).prepare(UNNAMED));
    const [agent] = await query.execute({ id });
    return agent ? { kind: 'agent', ...agent } : null;
  }
  const query = builtOnce(db, 'findAccount:contact', () => db.select().from(contacts).where(eq(contacts.id, sql.placeholder('id'))).prepare(UNNAMED));
  const [contact] = await query.execute({ id });
  return contact ? { kind: 'contact', ...contact } : null;
}

export async function isAgentActivePg(db: PgExecutor, agentId: number): Promise<boolean> {
  const query = builtOnce(db, 'isAgentActive', () => db.select({ active: agents.active }).from(agents).where(eq(agents.id, sql.placeholder('agentId'))).prepare(UNNAMED));
  const [row] = await query.execute({ agentId });
  return row?.active ?? false;
}

/** Names in byte order (SQLite's BINARY); the id breaks ties as SQLite's rowid scan does. */
export async function listActiveAgentsPg(db: PgExecutor): Promise<{ id: number; name: string }[]> {
  return db
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(eq(agents.active, true))
    .orderBy(sql`${agents.name} COLLATE "C"`, asc(agents.id));
}
