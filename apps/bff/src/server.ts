import { DEMO_PASSWORD, closeDatabase, deleteExpiredSessions, isDatabaseEmpty, migrateDatabase, openDatabase, seedDemoData, createWriteQueue, startCheckpointer } from '@atende/db';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from './app.js';
import { createOutboxAccountMailer } from './auth/outbox-account-mailer.js';
import { defaultLoginThrottle } from './auth/login-throttle.js';
import { hashPassword } from './auth/password.js';
import { loadConfig } from './config.js';
import { startAutomationLoop } from './automations/loop.js';
import { startInboundSmtp } from './mail/inbound-smtp.js';
import { createInProcessEventBus } from './events/event-bus.js';

const config = loadConfig();
const logger = pino({ level: config.logLevel });

const db = openDatabase(config.databaseFile);
migrateDatabase(db); // an existing database is migrated forward, never wiped
if (config.demoData && isDatabaseEmpty(db)) {
  if (config.env === 'production') {
    logger.warn('empty database in production: demo data is refused; create accounts with the admin tools');
  } else {
    seedDemoData(db, { passwordHash: await hashPassword(DEMO_PASSWORD), now: Date.now(), environment: config.env });
    logger.info({ file: config.databaseFile }, 'empty database filled with demo data');
  }
}

// One live-event bus for the requests and the inbound mail listener (a PG LISTEN/NOTIFY one would fan out across instances).
const events = createInProcessEventBus();
const app = createApp({ db, config, logger, now: Date.now, events, loginThrottle: defaultLoginThrottle(), writes: createWriteQueue(db), accountMailer: createOutboxAccountMailer({ db, now: Date.now, messageDomain: config.mailReplyDomain }) });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info({ port: info.port, database: config.databaseFile }, `Atende listening on http://localhost:${info.port}`);
});

// WAL checkpoints on their own thread, so no request's COMMIT waits for one.
const checkpointer = startCheckpointer(db, config.databaseFile, {
  onEvent: (event) => {
    if (event.type === 'error') logger.warn({ err: event.message }, 'WAL checkpoint failed; the connection checkpoints by itself again');
  },
});
const automations = startAutomationLoop(db, config, logger);
const inbound = config.smtpInboundPort ? startInboundSmtp({ db, config, logger, now: Date.now, events }, config.smtpInboundPort, config.host) : null;
void inbound?.listening.then((port) => logger.info({ port }, 'inbound SMTP listening'));

const sweep = setInterval(() => deleteExpiredSessions(db, Date.now()), 60 * 60_000);
sweep.unref();

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  automations.stop();
  void inbound?.close();
  server.close(() => {
    void checkpointer.stop().finally(() => {
      closeDatabase(db);
      process.exit(0);
    });
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
