import { DEMO_PASSWORD, startCheckpointer } from '@atende/db';
import { deleteExpiredSessions, openStore } from '@atende/db/store';
import { serve } from '@hono/node-server';
import { createPortalApp } from './portal-app.js';
import { hashPassword } from './auth/password.js';
import { loadConfigOrExit } from './config-or-exit.js';
import { backupAndPrune, removePidFile, writePidFile } from './backups/backups.js';
import { startAutomationLoop } from './automations/loop.js';
import { startInboundSmtp } from './mail/inbound-smtp.js';
import { createInProcessEventBus } from './events/event-bus.js';
import { createLogger } from './logging/create-logger.js';

const config = loadConfigOrExit();
const logger = createLogger(config.logLevel);
if (config.env === 'production' && config.mailMode === 'mailbox') {
  logger.warn('MAIL_MODE=mailbox: no e-mail is delivered; ticket e-mails stay in the local mailbox and password-reset and invitation links are never shown there');
}

// An existing database is migrated forward, never wiped.
const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, sqliteFile: config.databaseFile, poolMax: config.databasePoolMax, preparedStatements: config.databasePreparedStatements });
const { db, sqliteWriter } = store;
if (config.demoData && (await store.isEmpty())) {
  if (config.env === 'production') {
    logger.warn('empty database in production: demo data is refused; create the first admin with: pnpm admin:create --email <e-mail> --name "<name>"');
  } else {
    await store.seedDemo({ passwordHash: await hashPassword(DEMO_PASSWORD), now: Date.now(), environment: config.env });
    logger.info({ database: store.location }, 'empty database filled with demo data');
  }
}

// One live-event bus for the requests and the inbound mail listener (a PG LISTEN/NOTIFY one would fan out across instances).
const events = createInProcessEventBus();
const app = createPortalApp(db, config, { logger, events });
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  logger.info({ port: info.port, database: store.location, engine: db.engine }, `Atende listening on http://localhost:${info.port}`);
});

// SQLite: WAL checkpoints on their own thread, so no request's COMMIT waits for one.
const checkpointer = sqliteWriter
  ? startCheckpointer(sqliteWriter, config.databaseFile, {
      onEvent: (event) => {
        if (event.type === 'error') logger.warn({ err: event.message }, 'WAL checkpoint failed; the connection checkpoints by itself again');
      },
    })
  : null;
const automations = startAutomationLoop(db, config, logger);
const inbound = config.smtpInboundPort ? startInboundSmtp({ db, config, logger, now: Date.now, events }, config.smtpInboundPort, config.host) : null;
void inbound?.listening.then((port) => logger.info({ port }, 'inbound SMTP listening'));

// SQLite: the pid file tells `pnpm db:restore` a server is using this database, and the scheduled
// backups copy the file. PostgreSQL is backed up with pg_dump / WAL archiving (docs/production.md).
if (sqliteWriter) writePidFile(config.databaseFile);
const backups = sqliteWriter && config.backupIntervalMs > 0
  ? setInterval(() => {
      backupAndPrune(sqliteWriter, config.databaseFile, config.backupKeep, Date.now())
        .then((r) => (r.integrity === 'ok' ? logger.info({ file: r.file, removed: r.removed.length }, 'scheduled backup done') : logger.error({ file: r.file, integrity: r.integrity }, 'scheduled backup fails integrity_check')))
        .catch((error: unknown) => logger.error({ err: error }, 'scheduled backup failed'));
    }, config.backupIntervalMs)
  : null;
backups?.unref();

const sweep = setInterval(() => void deleteExpiredSessions(db, Date.now()).catch((error: unknown) => logger.warn({ err: error }, 'expired sessions sweep failed')), 60 * 60_000);
sweep.unref();

function shutdown(signal: string) {
  logger.info({ signal }, 'shutting down');
  automations.stop();
  if (backups) clearInterval(backups);
  void inbound?.close();
  server.close(() => {
    void (checkpointer?.stop() ?? Promise.resolve())
      .then(() => store.close())
      .finally(() => {
        if (sqliteWriter) removePidFile(config.databaseFile);
        process.exit(0);
      });
  });
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
