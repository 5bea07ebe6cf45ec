import { findSessionWithAccount, withoutCache, type Database } from '@atende/db/store';
import type { Config } from '../config.js';

/**
 * Whether a session is still good, without touching it: a long-lived stream re-checks its session on
 * every heartbeat, but an open tab must not keep a session alive on its own (idle time counts requests).
 */
export async function sessionStillValid(db: Database, tokenHash: string, now: number, config: Pick<Config, 'sessionIdleMs'>): Promise<boolean> {
  const good = (session: Awaited<ReturnType<typeof findSessionWithAccount>>) =>
    session !== null && session.account?.active === true && now < session.expiresAt && now - session.lastSeenAt < config.sessionIdleMs;
  if (good(await findSessionWithAccount(db, tokenHash))) return true;
  // A remembered copy may predate activity on another instance: the database decides an ending.
  return good(await findSessionWithAccount(withoutCache(db), tokenHash));
}
