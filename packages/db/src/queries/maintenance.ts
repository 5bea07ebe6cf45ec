import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/** Database upkeep and the checks reliability tests and the backup command rely on. */

/** `PRAGMA integrity_check`: 'ok' or the first problems SQLite reports. */
export function integrityCheck(db: Db): string {
  const rows = db.$client.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

/**
 * A summary of the business data (tickets, their versions, messages, history): equal before and after a
 * batch of refused requests proves none of them changed anything; equal between a database and its
 * backup proves the copy is whole.
 */
export function dataFingerprint(db: Db): { tickets: number; versionSum: number; messages: number; events: number; lastMessageId: number } {
  const row = db.get<{ tickets: number; versionSum: number; messages: number; events: number; lastMessageId: number }>(sql`
    select (select count(*) from tickets) as tickets,
           (select coalesce(sum(version), 0) from tickets) as versionSum,
           (select count(*) from messages) as messages,
           (select count(*) from ticket_events) as events,
           (select coalesce(max(id), 0) from messages) as lastMessageId`);
  return row!;
}

/** Whether a message with exactly this body is stored on the ticket (crash tests look for acknowledged writes). */
export function messageBodiesOf(db: Db, ticketId: number): string[] {
  return db.all<{ body: string }>(sql`select body from messages where ticket_id = ${ticketId}`).map((r) => r.body);
}

/**
 * An online backup through SQLite's backup API: consistent while the server keeps writing (never copy a
 * live WAL database file), then checked with integrity_check on the copy.
 */
export async function backupDatabase(db: Db, destination: string): Promise<void> {
  await db.$client.backup(destination);
}
