import { desc, sql } from 'drizzle-orm';
import type { AuditEntry, NewAuditEntry } from '../../queries/audit-log.js';
import type { PgExecutor } from '../executor.js';
import { auditLog } from '../schema.js';

/** queries/audit-log.ts on PostgreSQL. `details` is jsonb: the same JS value comes back as SQLite's JSON text. */

export async function recordAuditPg(db: PgExecutor, entry: NewAuditEntry): Promise<void> {
  await db.insert(auditLog).values(entry);
}

/** Newest first, keyset on (at, id): the row comparison is one range on audit_log_at_idx. */
export async function listAuditPg(db: PgExecutor, params: { before: { at: number; id: number } | null; limit: number }): Promise<AuditEntry[]> {
  const { before } = params;
  return db
    .select()
    .from(auditLog)
    .where(before ? sql`(${auditLog.at}, ${auditLog.id}) < (${before.at}, ${before.id})` : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit);
}
