import * as sessions from './queries/sessions.js';
import * as settings from './queries/settings.js';
import type { Database } from './database.js';
import type { CacheChannel, PgReadCache } from './pg-read-cache.js';

/**
 * The store's hottest reads, served from memory on PostgreSQL (pg-read-cache.ts explains why that is
 * safe). These shadow the generated queries of the same names in the store's index. On SQLite the
 * generated query runs as before: an in-process prepared statement already costs microseconds.
 */
function cacheOf(db: Database): PgReadCache | null {
  return db.engine === 'pg' && !db.inTransaction && db.cache ? db.cache : null;
}

/** Cached values are shared by every request: frozen, so a caller that edits one fails loudly. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

function through<T>(db: Database, channel: CacheChannel, key: string, read: () => Promise<T>, remember?: (value: T) => boolean): Promise<T> {
  const cache = cacheOf(db);
  if (!cache) return read();
  return cache.through(channel, key, async () => frozen(await read()), remember);
}

/** Unknown tokens are not remembered: a session made a moment later on another instance must work. */
export function findSessionWithAccount(db: Database, tokenHash: string): Promise<sessions.SessionWithAccount | null> {
  return through(db, 'auth', tokenHash, () => sessions.findSessionWithAccount(db, tokenHash), (session) => session !== null);
}

/**
 * A session's activity is not announced by the database (it changes once a minute per person), so the
 * instance that touches it updates its own copy; another instance's copy may show an older activity,
 * which is why a session is re-read before it is ended as idle (auth/sessions.ts).
 */
export async function touchSession(db: Database, tokenHash: string, now: number): Promise<void> {
  await sessions.touchSession(db, tokenHash, now);
  cacheOf(db)?.update<sessions.SessionWithAccount>('auth', tokenHash, (session) => frozen({ ...session, lastSeenAt: Math.max(session.lastSeenAt, now) }));
}

/** The same store, reading the database itself: for a decision that must not rest on a remembered copy. */
export function withoutCache(db: Database): Database {
  return db.engine === 'pg' && db.cache ? { engine: 'pg', pg: db.pg, inTransaction: db.inTransaction } : db;
}

export const getPortalSettings = (db: Database) => through(db, 'settings', 'portal', () => settings.getPortalSettings(db));
export const getCompanySettings = (db: Database) => through(db, 'settings', 'company', () => settings.getCompanySettings(db));
export const getAutomationSettings = (db: Database) => through(db, 'settings', 'automation', () => settings.getAutomationSettings(db));
export const getSlaSettings = (db: Database) => through(db, 'settings', 'sla', () => settings.getSlaSettings(db));
export const getSignInSettings = (db: Database) => through(db, 'settings', 'sign-in', () => settings.getSignInSettings(db));
