import { sql } from 'drizzle-orm';
import type { dataFingerprint } from '../../queries/maintenance.js';
import type { PgExecutor } from '../executor.js';

/**
 * The checks of queries/maintenance.ts that mean the same on PostgreSQL. integrityCheck (PRAGMA
 * integrity_check) and backupDatabase (SQLite's online backup API) have no twin: PostgreSQL checks
 * its pages itself (data checksums, amcheck) and is backed up with pg_dump / WAL archiving (ADR 008).
 */

/** The business data's summary: equal before and after refused requests, equal between a database and its copy. */
export async function dataFingerprintPg(db: PgExecutor): Promise<ReturnType<typeof dataFingerprint>> {
  const { rows } = await db.execute<ReturnType<typeof dataFingerprint>>(sql`
    select (select count(*) from tickets)::int as "tickets",
           (select coalesce(sum(version), 0) from tickets)::bigint as "versionSum",
           (select count(*) from messages)::int as "messages",
           (select count(*) from ticket_events)::int as "events",
           (select coalesce(max(id), 0) from messages)::int as "lastMessageId"`);
  return rows[0]!;
}

/** A ticket's message bodies, oldest first (SQLite reads them through messages_ticket_idx, in id order). */
export async function messageBodiesOfPg(db: PgExecutor, ticketId: number): Promise<string[]> {
  const { rows } = await db.execute<{ body: string }>(sql`select body from messages where ticket_id = ${ticketId} order by id`);
  return rows.map((r) => r.body);
}
