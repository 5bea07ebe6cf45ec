import { and, eq, lt } from 'drizzle-orm';
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
