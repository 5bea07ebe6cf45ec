import { deleteSession, findSessionWithAccount, insertSession, touchSession, withoutCache, type Database } from '@atende/db/store';
import type { SignedInActor } from '../http/app-env.js';
import type { Config } from '../config.js';
import { hashToken, newSessionToken } from './session-cookie.js';

// Refreshing last_seen_at on every request would turn every read into a write; once a minute is enough
// for an idle timeout counted in minutes.
const TOUCH_EVERY_MS = 60_000;

export async function startSession(db: Database, actor: { kind: 'contact' | 'agent'; id: number }, now: number, config: Config): Promise<string> {
  const token = newSessionToken();
  await insertSession(db, {
    tokenHash: hashToken(token),
    actorKind: actor.kind,
    actorId: actor.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: now + config.sessionAbsoluteMs,
  });
  return token;
}

/**
 * The signed-in actor for a session token, or null when unknown, expired, idle too long or disabled.
 * `touch: false` for requests a page makes on its own (presence heartbeats): they do not count as activity.
 */
export async function resumeSession(db: Database, token: string, now: number, config: Config, options: { touch?: boolean } = {}): Promise<SignedInActor | null> {
  const tokenHash = hashToken(token);
  let session = await findSessionWithAccount(db, tokenHash);
  if (!session) return null;
  const ended = (s: NonNullable<typeof session>) => now >= s.expiresAt || now - s.lastSeenAt >= config.sessionIdleMs;
  // A remembered copy may predate activity on another instance: the database decides an ending.
  if (ended(session)) session = await findSessionWithAccount(withoutCache(db), tokenHash);
  if (!session) return null;
  if (ended(session)) {
    await deleteSession(db, tokenHash);
    return null;
  }
  const account = session.account;
  if (!account || !account.active) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (options.touch !== false && now - session.lastSeenAt >= TOUCH_EVERY_MS) await touchSession(db, tokenHash, now);
  const actor =
    session.actorKind === 'agent'
      ? ({ kind: 'agent', id: session.actorId, role: account.role ?? 'agent' } as const)
      : ({ kind: 'contact', id: session.actorId } as const);
  return { actor, name: account.name, sessionTokenHash: tokenHash };
}
