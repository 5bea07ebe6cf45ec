import { and, eq, lt, sql } from 'drizzle-orm';
import type { SessionRow, SessionWithAccount } from '../../queries/sessions.js';
import type { PgExecutor } from '../executor.js';
import { agents, contacts, sessions } from '../schema.js';

/**
 * Sessions on PostgreSQL: in the database, so a session made on one instance is valid on every other
 * (no sticky load balancing needed).
 */
export async function insertSessionPg(db: PgExecutor, row: SessionRow): Promise<void> {
  await db.insert(sessions).values(row);
}

export async function findSessionPg(db: PgExecutor, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash));
  return row ?? null;
}

export async function touchSessionPg(db: PgExecutor, tokenHash: string, now: number): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteSessionPg(db: PgExecutor, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

export async function deleteExpiredSessionsPg(db: PgExecutor, now: number): Promise<number> {
  const deleted = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ tokenHash: sessions.tokenHash });
  return deleted.length;
}

/** Every session of one account (sessions_actor_idx): sign-out everywhere. */
export async function deleteSessionsOfPg(db: PgExecutor, actorKind: 'contact' | 'agent', actorId: number): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.actorKind, actorKind), eq(sessions.actorId, actorId)));
}

/** A session and its account in one indexed lookup (every signed-in request). */
export async function findSessionWithAccountPg(db: PgExecutor, tokenHash: string): Promise<SessionWithAccount | null> {
  const [row] = await db
    .select({
      tokenHash: sessions.tokenHash,
      actorKind: sessions.actorKind,
      actorId: sessions.actorId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      name: sql<string | null>`coalesce(${agents.name}, ${contacts.name})`,
      active: sql<boolean | null>`coalesce(${agents.active}, ${contacts.active})`,
      role: agents.role,
    })
    .from(sessions)
    .leftJoin(agents, and(eq(sessions.actorKind, 'agent'), eq(agents.id, sessions.actorId)))
    .leftJoin(contacts, and(eq(sessions.actorKind, 'contact'), eq(contacts.id, sessions.actorId)))
    .where(eq(sessions.tokenHash, tokenHash));
  if (!row) return null;
  const { name, active, role, ...session } = row;
  return { ...session, account: name === null ? null : { name, active: active === true, role: role ?? null } };
}
