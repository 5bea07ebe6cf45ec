import { and, eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { agents, contacts, sessions } from '../schema.js';

export type SessionRow = typeof sessions.$inferSelect;

export function insertSession(db: Db, row: SessionRow): void {
  db.insert(sessions).values(row).run();
}

export function findSession(db: Db, tokenHash: string): SessionRow | null {
  return db.select().from(sessions).where(eq(sessions.tokenHash, tokenHash)).get() ?? null;
}

export function touchSession(db: Db, tokenHash: string, now: number): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run();
}

export function deleteExpiredSessions(db: Db, now: number): number {
  return db.delete(sessions).where(lt(sessions.expiresAt, now)).run().changes;
}

export function deleteSessionsOf(db: Db, actorKind: 'contact' | 'agent', actorId: number): void {
  db.delete(sessions).where(and(eq(sessions.actorKind, actorKind), eq(sessions.actorId, actorId))).run();
}

export interface SessionWithAccount extends SessionRow {
  /** The account behind the session; null when it no longer exists. */
  account: { name: string; active: boolean; role: 'agent' | 'admin' | null } | null;
}

// Every API request resolves its session: one statement, prepared once per database, instead of two
// queries built by drizzle on each call (which cost more than the lookups themselves).
const sessionLookups = new WeakMap<Db, ReturnType<typeof prepareSessionLookup>>();

function prepareSessionLookup(db: Db) {
  return db
    .select({
      tokenHash: sessions.tokenHash,
      actorKind: sessions.actorKind,
      actorId: sessions.actorId,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      name: sql<string | null>`coalesce(${agents.name}, ${contacts.name})`,
      active: sql<number | null>`coalesce(${agents.active}, ${contacts.active})`,
      role: agents.role,
    })
    .from(sessions)
    .leftJoin(agents, and(eq(sessions.actorKind, 'agent'), eq(agents.id, sessions.actorId)))
    .leftJoin(contacts, and(eq(sessions.actorKind, 'contact'), eq(contacts.id, sessions.actorId)))
    .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
    .prepare();
}

/** A session and its account in one indexed lookup (the hot path of every signed-in request). */
export function findSessionWithAccount(db: Db, tokenHash: string): SessionWithAccount | null {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const row = lookup.get({ tokenHash });
  if (!row) return null;
  const { name, active, role, ...session } = row;
  return { ...session, account: name === null ? null : { name, active: active === 1, role: role ?? null } };
}
