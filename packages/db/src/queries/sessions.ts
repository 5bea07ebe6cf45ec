import { and, eq, lt } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../client.js';
import { sessions } from '../schema.js';

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

// Every API request resolves its session: one raw statement, prepared once per database. Drizzle's
// builder (per call) cost more than the lookup; its prepared form still maps each row through its
// column objects, a third of this statement's time on the hot path of every signed-in request.
type SessionLookupRow = SessionRow & { name: string | null; active: number | null; role: 'agent' | 'admin' | null };
const sessionLookups = new WeakMap<Db, Statement<[string], SessionLookupRow>>();

function prepareSessionLookup(db: Db) {
  return db.$client.prepare<[string], SessionLookupRow>(`
    SELECT s.token_hash AS tokenHash, s.actor_kind AS actorKind, s.actor_id AS actorId, s.created_at AS createdAt,
           s.last_seen_at AS lastSeenAt, s.expires_at AS expiresAt,
           coalesce(a.name, c.name) AS name, coalesce(a.active, c.active) AS active, a.role AS role
    FROM sessions s
    LEFT JOIN agents a ON s.actor_kind = 'agent' AND a.id = s.actor_id
    LEFT JOIN contacts c ON s.actor_kind = 'contact' AND c.id = s.actor_id
    WHERE s.token_hash = ?`);
}

/** A session and its account in one indexed lookup (the hot path of every signed-in request). */
export function findSessionWithAccount(db: Db, tokenHash: string): SessionWithAccount | null {
  let lookup = sessionLookups.get(db);
  if (!lookup) {
    lookup = prepareSessionLookup(db);
    sessionLookups.set(db, lookup);
  }
  const row = lookup.get(tokenHash);
  if (!row) return null;
  const { name, active, role, ...session } = row;
  return { ...session, account: name === null ? null : { name, active: active === 1, role: role ?? null } };
}
