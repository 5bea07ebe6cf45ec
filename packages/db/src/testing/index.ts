import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeDatabase, migrateDatabase, openDatabase, type Db } from '../client.js';

/** A migrated database in a fresh temporary file: tests run against real SQLite, never mocks. */
export function createTestDatabase(): { db: Db; file: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'atende-test-'));
  const file = join(dir, 'atende.db');
  const db = openDatabase(file);
  migrateDatabase(db);
  return {
    db,
    file,
    dispose: () => {
      closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
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
