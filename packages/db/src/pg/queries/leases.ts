import { sql } from 'drizzle-orm';
import type { PgExecutor } from '../executor.js';

/**
 * Takes or renews the named lease for `holder` until `now + ttlMs`, unless another holder's lease is
 * still running: one conditional upsert, so instances racing for it cannot both win (the loser's
 * ON CONFLICT … WHERE finds the winner's committed row and updates nothing).
 */
export async function acquireLeasePg(db: PgExecutor, params: { name: string; holder: string; now: number; ttlMs: number }): Promise<boolean> {
  const result = await db.execute(
    sql`INSERT INTO leases (name, holder, locked_until) VALUES (${params.name}, ${params.holder}, ${params.now + params.ttlMs})
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, locked_until = excluded.locked_until
        WHERE leases.locked_until < ${params.now} OR leases.holder = excluded.holder`,
  );
  return (result.rowCount ?? 0) > 0;
}

export async function releaseLeasePg(db: PgExecutor, params: { name: string; holder: string }): Promise<void> {
  await db.execute(sql`DELETE FROM leases WHERE name = ${params.name} AND holder = ${params.holder}`);
}
