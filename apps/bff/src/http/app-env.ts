import type { Actor } from '@atende/domain';
import type { Database } from '@atende/db/store';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { LoginThrottle } from '../auth/login-throttle.js';
import type { AccountMailer } from '../auth/account-mailer.js';
import type { EventBus, StreamRegistry } from '../events/event-bus.js';
import type { PresenceRegistry } from '../events/presence.js';
import type { WindowCounter } from './rate-limiter.js';

/** What every route can reach: injected once, so tests pass a temporary database and a fake clock. */
export interface Deps {
  db: Database;
  config: Config;
  logger: Logger;
  /** Current time in epoch ms; the only clock the server reads. */
  now: () => number;
  loginThrottle: LoginThrottle;
  /** Delivers password-reset and invitation links (the e-mail outbox, or the in-memory mailer). */
  accountMailer: AccountMailer;
  /** Live events to open streams (GET /api/events); createApp supplies an in-process bus when absent. */
  events?: EventBus;
  /** Open live streams per session (capped); createApp supplies one when absent. */
  liveStreams?: StreamRegistry;
  /** Where throttle windows are counted (memory on SQLite, the database on PostgreSQL); createApp supplies it when absent. */
  throttles?: WindowCounter;
  /** Agents on each ticket's page (in memory); createApp supplies one when absent. */
  presence?: PresenceRegistry;
}

export interface SignedInActor {
  actor: Exclude<Actor, { kind: 'system' }>;
  name: string;
  sessionTokenHash: string;
}

export interface AppEnv {
  Variables: {
    deps: Deps;
    requestId: string;
    session: SignedInActor | null;
  };
}
