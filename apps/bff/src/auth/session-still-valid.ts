import { findSessionWithAccount, type Database } from '@atende/db/store';
import type { Config } from '../config.js';

/**
 * Whether a session is still good, without touching it: a long-lived stream re-checks its session on
 * every heartbeat, but an open tab must not keep a session alive on its own (idle time counts requests).
 */
export async function sessionStillValid(db: Database, tokenHash: string, now: number, config: Pick<Config, 'sessionIdleMs'>): Promise<boolean> {
  const session = await findSessionWithAccount(db, tokenHash);
  if (!session || !session.account?.active) return false;
  return now < session.expiresAt && now - session.lastSeenAt < config.sessionIdleMs;
}
