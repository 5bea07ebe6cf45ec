import { and, desc, lt, or, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { auditLog } from '../schema.js';

export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = Omit<typeof auditLog.$inferInsert, 'id'>;

/** Appends one security event. Never updated or deleted by the application. */
export function recordAudit(db: Db, entry: NewAuditEntry): void {
  db.insert(auditLog).values(entry).run();
}

/** Newest first, keyset-paginated on (at, id). */
export function listAudit(db: Db, params: { before: { at: number; id: number } | null; limit: number }): AuditEntry[] {
  const { before } = params;
  return db
    .select()
    .from(auditLog)
    .where(before ? or(lt(auditLog.at, before.at), and(eq(auditLog.at, before.at), lt(auditLog.id, before.id))) : undefined)
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(params.limit)
    .all();
}
