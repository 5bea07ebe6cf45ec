import type { Database } from '@atende/db/store';
import type { Logger } from 'pino';
import { createApp } from './app.js';
import { createOutboxAccountMailer } from './auth/outbox-account-mailer.js';
import { defaultLoginThrottle } from './auth/login-throttle.js';
import type { Config } from './config.js';
import { createInProcessEventBus, type EventBus } from './events/event-bus.js';
import { counterFor } from './http/rate-limiter.js';
import { createLogger } from './logging/create-logger.js';

/**
 * The portal's app over an opened store, wired as the server runs it: the wall clock, the throttles
 * counted in the database, account links through the e-mail outbox. One place for that wiring, so
 * the server and the benchmark's in-process timing (bench/src/route-costs.ts) measure the same app.
 */
export function createPortalApp(db: Database, config: Config, options: { logger?: Logger; events?: EventBus } = {}) {
  return createApp({
    db,
    config,
    logger: options.logger ?? createLogger(config.logLevel),
    now: Date.now,
    events: options.events ?? createInProcessEventBus(),
    loginThrottle: defaultLoginThrottle(counterFor(db)),
    accountMailer: createOutboxAccountMailer({ db, now: Date.now, messageDomain: config.mailReplyDomain }),
  });
}
