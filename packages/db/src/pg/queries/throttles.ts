import { lt, sql } from 'drizzle-orm';
import type { ThrottleWindow } from '../../queries/throttles.js';
import type { PgExecutor } from '../executor.js';
import { throttleWindows } from '../schema.js';

/** hitThrottleWindow on PostgreSQL: the same conditional upsert; concurrent hits wait on the row and are all counted. */
export async function hitThrottleWindowPg(db: PgExecutor, params: { key: string; now: number; windowMs: number }): Promise<ThrottleWindow> {
  const { key, now, windowMs } = params;
  const result = await db.execute<{ hits: number; endsAt: number }>(sql`
    INSERT INTO throttle_windows (key, started_at, ends_at, hits) VALUES (${key}, ${now}, ${now + windowMs}, 1)
    ON CONFLICT (key) DO UPDATE SET
      started_at = CASE WHEN throttle_windows.ends_at <= ${now} THEN excluded.started_at ELSE throttle_windows.started_at END,
      ends_at = CASE WHEN throttle_windows.ends_at <= ${now} THEN excluded.ends_at ELSE throttle_windows.ends_at END,
      hits = CASE WHEN throttle_windows.ends_at <= ${now} THEN 1 ELSE throttle_windows.hits + 1 END
    RETURNING hits, ends_at AS "endsAt"`);
  return result.rows[0]!;
}

export async function throttleWindowPg(db: PgExecutor, params: { key: string; now: number }): Promise<ThrottleWindow | null> {
  const result = await db.execute<{ hits: number; endsAt: number }>(sql`SELECT hits, ends_at AS "endsAt" FROM throttle_windows WHERE key = ${params.key} AND ends_at > ${params.now}`);
  return result.rows[0] ?? null;
}

export async function resetThrottleWindowPg(db: PgExecutor, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM throttle_windows WHERE key = ${key}`);
}

export async function deleteEndedThrottleWindowsPg(db: PgExecutor, now: number): Promise<number> {
  const deleted = await db.delete(throttleWindows).where(lt(throttleWindows.endsAt, now)).returning({ key: throttleWindows.key });
  return deleted.length;
}
