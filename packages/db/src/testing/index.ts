import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../client.js';
import { buildTestDatabaseTemplates, type TestDatabaseContent, type TestDatabaseTemplates } from './templates.js';

export { TEST_NOW, TEST_PASSWORD_HASH } from './constants.js';
export { makeAgent, makeCompany, makeContact, makeDepartment, makeMessage, makeTicket, makeSubject } from './factories.js';
export type { TestDatabaseContent } from './templates.js';
export { storeFactories, queryRows, type StoreFactories } from './store-factories.js';

/**
 * A database of its own for one test, in a fresh temporary file: real SQLite, never mocks. It is a copy
 * of a template migrated once per run (vitest's globalSetup, see global-setup.ts), so a test pays a file
 * copy instead of every migration. `content: 'demo'` starts from README's demo data as of TEST_NOW
 * (signing in with DEMO_PASSWORD works); prefer the factories and an empty database where a test only
 * needs a few rows.
 */
export function createTestDatabase(options: { content?: TestDatabaseContent } = {}): { db: Db; file: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atende-test-'));
  const file = join(dir, 'atende.db');
  copyFileSync(templates()[options.content ?? 'empty'], file);
  const db = openDatabase(file);
  return {
    db,
    file,
    dispose: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let ownTemplates: TestDatabaseTemplates | undefined;
/** The run's templates; built here, once per process, when no globalSetup provided them (another config). */
function templates(): TestDatabaseTemplates {
  const provided = inject('testDatabaseTemplates');
  if (provided) return provided;
  if (!ownTemplates) {
    const dir = mkdtempSync(join(tmpdir(), 'atende-test-templates-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    ownTemplates = buildTestDatabaseTemplates(dir);
  }
  return ownTemplates;
}

/**
 * Test data in bulk: `count` tickets of `requesterId` waiting on the customer since `waitingSince`
 * (spread over `spreadMs`), in one transaction. For the automation crash test.
 */
export function insertWaitingTicketsForTest(db: Db, params: { count: number; requesterId: number; waitingSince: number; spreadMs: number }): void {
  const insert = db.$client.prepare(
    `INSERT INTO tickets (subject, requester_id, status, origin, created_at, updated_at, waiting_since, reminder_stage)
     VALUES (?, ?, 'waiting_customer', 'portal', ?, ?, ?, 0)`,
  );
  db.$client.transaction(() => {
    for (let i = 0; i < params.count; i++) {
      const since = params.waitingSince + Math.floor((params.spreadMs * i) / params.count);
      insert.run(`Carga ${i}`, params.requesterId, since, since, since);
    }
  })();
}

/** Tallies for the crash test: outbox rows per dedupe-key prefix and ticket outcomes. */
export function automationTalliesForTest(db: Db) {
  const one = (sql: string) => (db.$client.prepare(sql).get() as { n: number }).n;
  return {
    autoCloseMails: one(`SELECT count(*) n FROM outbox WHERE dedupe_key LIKE 'autoclose:%'`),
    reminderMails: one(`SELECT count(*) n FROM outbox WHERE dedupe_key LIKE 'reminder:%'`),
    distinctMailKeys: one(`SELECT count(DISTINCT dedupe_key) n FROM outbox`),
    mails: one(`SELECT count(*) n FROM outbox`),
    closedOnce: one(`SELECT count(*) n FROM tickets WHERE subject LIKE 'Carga %' AND status = 'closed' AND closing_count = 1`),
    closedEvents: one(`SELECT count(*) n FROM ticket_events WHERE type = 'auto_closed'`),
    reminderEvents: one(`SELECT count(*) n FROM ticket_events WHERE type = 'reminder_sent'`),
    remindedStage1: one(`SELECT count(*) n FROM tickets WHERE subject LIKE 'Carga %' AND status = 'waiting_customer' AND reminder_stage = 1`),
  };
}
