import { randomUUID } from 'node:crypto';
import type { Database } from '@atende/db/store';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { relayOutbox, smtpTransport } from '../mail/relay.js';
import { mailFilesOf } from '../mail/mail-files-config.js';
import { runAutomationsYielding } from './runner.js';

const RELAY_INTERVAL_MS = 5_000;

/** Inside the server: the automations every minute, then the outbox relay when SMTP_URL is set. */
export function startAutomationLoop(db: Database, config: Config, logger: Logger): { stop: () => void } {
  if (!config.automations) return { stop: () => {} };
  const holder = `server-${randomUUID()}`;
  const transport = config.smtpUrl ? smtpTransport(config.smtpUrl) : null;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runAutomationsYielding(db, config, { now: Date.now(), holder });
      if (report.reminders + report.autoClosed + report.approvalTimeouts > 0) logger.info(report, 'automations ran');
      if (transport) {
        const relay = await relayOutbox(db, transport, { from: config.mailFrom, now: Date.now, files: mailFilesOf(config) });
        if (relay.sent + relay.retried + relay.failed > 0) logger.info(relay, 'outbox relayed');
      }
    } catch (error) {
      logger.error({ err: error }, 'automation pass failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), 60_000);
  timer.unref();
  void tick();
  // Invitations and replies should not wait for the next minute: the relay also looks every few
  // seconds (one indexed read when nothing is due; rows are leased, so passes never send twice).
  let relaying = false;
  const relayTimer = transport
    ? setInterval(() => {
        if (relaying) return;
        relaying = true;
        relayOutbox(db, transport, { from: config.mailFrom, now: Date.now, files: mailFilesOf(config) })
          .catch((error: unknown) => logger.error({ err: error }, 'outbox relay failed'))
          .finally(() => (relaying = false));
      }, RELAY_INTERVAL_MS)
    : null;
  relayTimer?.unref();
  return {
    stop: () => {
      clearInterval(timer);
      if (relayTimer) clearInterval(relayTimer);
    },
  };
}
