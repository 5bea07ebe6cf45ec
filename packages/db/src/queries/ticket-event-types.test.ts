import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TICKET_EVENT_TYPES } from '@atende/domain';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, expect, it } from 'vitest';
import { closeDatabase, MIGRATIONS_FOLDER, migrateDatabase, openDatabase, type Db } from '../client.js';

const MIGRATION = '0010_ticket_event_types';
let cleanup: (() => void) | null = null;
afterEach(() => cleanup?.());

/** A database migrated up to (not including) the event-type constraint, with the folder it was migrated from. */
function databaseBeforeConstraint(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'atende-event-types-'));
  const folder = join(dir, 'drizzle');
  cpSync(MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === MIGRATION);
  expect(cut).toBeGreaterThan(0);
  journal.entries = journal.entries.slice(0, cut);
  writeFileSync(journalFile, JSON.stringify(journal));
  const db = openDatabase(join(dir, 'atende.db'));
  migrate(db, { migrationsFolder: folder });
  cleanup = () => {
    closeDatabase(db);
    rmSync(dir, { recursive: true, force: true });
  };
  return db;
}

function insertTicket(db: Db): number {
  db.$client.exec(`INSERT INTO contacts (name, email, created_at) VALUES ('Carla', 'carla@example.com', 1)`);
  return Number(db.$client.prepare(`INSERT INTO tickets (subject, requester_id, origin, created_at, updated_at) VALUES ('Sem internet', 1, 'portal', 1, 1)`).run().lastInsertRowid);
}

const insertEvent = (db: Db, ticketId: number, type: string) =>
  db.$client.prepare(`INSERT INTO ticket_events (ticket_id, actor_kind, type, data, created_at) VALUES (?, 'system', ?, '{"stage":1}', 2)`).run(ticketId, type);

it('keeps every event and the history index when the type constraint is added, and then refuses an unknown type', () => {
  const db = databaseBeforeConstraint();
  const ticketId = insertTicket(db);
  insertEvent(db, ticketId, 'created');
  insertEvent(db, ticketId, 'reminder_sent');
  migrateDatabase(db);
  expect(db.$client.prepare(`SELECT id, ticket_id AS ticketId, type, data FROM ticket_events ORDER BY id`).all()).toEqual([
    { id: 1, ticketId, type: 'created', data: '{"stage":1}' },
    { id: 2, ticketId, type: 'reminder_sent', data: '{"stage":1}' },
  ]);
  const plan = db.$client.prepare(`EXPLAIN QUERY PLAN SELECT * FROM ticket_events WHERE ticket_id = ? ORDER BY id`).all(ticketId) as { detail: string }[];
  expect(plan.map((row) => row.detail).join(' ')).toContain('ticket_events_ticket_idx');
  // The history's ids carry on after the copy (AUTOINCREMENT), and every domain type is accepted.
  for (const type of TICKET_EVENT_TYPES) insertEvent(db, ticketId, type);
  expect(db.$client.prepare(`SELECT max(id) AS id FROM ticket_events`).get()).toEqual({ id: 2 + TICKET_EVENT_TYPES.length });
  expect(() => insertEvent(db, ticketId, 'status_changd')).toThrow(/CHECK constraint failed/);
  expect(db.$client.prepare(`PRAGMA foreign_key_check`).all()).toEqual([]);
});
