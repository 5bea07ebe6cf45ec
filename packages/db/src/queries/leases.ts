import { sql } from 'drizzle-orm';
import type { Db } from '../client.js';

/**
 * Takes or renews the named lease for `holder` until `now + ttlMs`, unless another holder's lease is
 * still running. One conditional upsert, so two processes racing for it cannot both win.
 */
export function acquireLease(db: Db, params: { name: string; holder: string; now: number; ttlMs: number }): boolean {
  const result = db.$client
    .prepare(
      `INSERT INTO leases (name, holder, locked_until) VALUES (?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, locked_until = excluded.locked_until
       WHERE leases.locked_until < ? OR leases.holder = excluded.holder`,
    )
    .run(params.name, params.holder, params.now + params.ttlMs, params.now);
  return result.changes > 0;
}

export function releaseLease(db: Db, params: { name: string; holder: string }): void {
  db.run(sql`DELETE FROM leases WHERE name = ${params.name} AND holder = ${params.holder}`);
}
