import { randomUUID } from 'node:crypto';
import type { Db } from '@atende/db';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { relayOutbox, smtpTransport } from '../mail/relay.js';
import { createBlobStore } from '../attachments/blob-store.js';
import { runAutomationsYielding } from './runner.js';

/** Inside the server: the automations every minute, then the outbox relay when SMTP_URL is set. */
export function startAutomationLoop(db: Db, config: Config, logger: Logger): { stop: () => void } {
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
        const relay = await relayOutbox(db, transport, { from: config.mailFrom, now: Date.now, files: createBlobStore(config.dataDir) });
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
  return { stop: () => clearInterval(timer) };
}
