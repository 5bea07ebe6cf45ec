/**
 * `pnpm automations:run [--now <ISO time>]`: one automation pass (and, with SMTP_URL, one relay pass)
 * for operators and tests. Safe to run while the server runs: the lease and dedupe keys prevent double
 * effects.
 */
import { randomUUID } from 'node:crypto';
import { startCheckpointer } from '@atende/db';
import { openStore } from '@atende/db/store';
import { loadConfig } from '../config.js';
import { relayOutbox, smtpTransport } from '../mail/relay.js';
import { runAutomations } from './runner.js';
import { mailFilesOf } from '../mail/mail-files-config.js';

function parseNow(argv: string[]): number {
  const index = argv.indexOf('--now');
  if (index === -1) return Date.now();
  const value = Date.parse(argv[index + 1] ?? '');
  if (Number.isNaN(value)) throw new Error('--now expects an ISO time, e.g. 2026-12-01T12:00:00Z');
  return value;
}

const config = loadConfig();
const store = await openStore({ databaseUrl: config.databaseUrl ?? undefined, sqliteFile: config.databaseFile, poolMax: 2 });
const { db } = store;
// As in the server: WAL checkpoints on their own thread, not inside a batch's COMMIT.
const checkpointer = store.sqliteWriter ? startCheckpointer(store.sqliteWriter, config.databaseFile) : null;
const now = parseNow(process.argv.slice(2));
// The batches commit without waiting for the disk (they are redone if lost: runner.ts), as in the server.
const report = await runAutomations(db, config, {
    now,
    holder: `cli-${randomUUID()}`,
    // A killed runner's lease lapses after this; renewed every batch while the run is alive.
    ...(process.env.AUTOMATIONS_LEASE_MS ? { leaseMs: Number(process.env.AUTOMATIONS_LEASE_MS) } : {}),
    ...(process.env.AUTOMATIONS_CRASH_AFTER ? crashHook(Number(process.env.AUTOMATIONS_CRASH_AFTER)) : {}),
});
if (config.smtpUrl) {
  const relay = await relayOutbox(db, smtpTransport(config.smtpUrl), { from: config.mailFrom, now: () => now, files: mailFilesOf(config) });
  console.log(JSON.stringify({ ...report, relay }));
} else {
  console.log(JSON.stringify(report));
}
await checkpointer?.stop();
await store.close();

/** Test hook for the crash test: die abruptly after N tickets, as a killed process would. */
function crashHook(after: number) {
  let count = 0;
  return {
    onTicket: () => {
      if (++count >= after) process.kill(process.pid, 'SIGKILL');
    },
  };
}
