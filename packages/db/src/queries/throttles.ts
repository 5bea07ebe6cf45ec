import { lt, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { throttleWindows } from '../schema.js';

export interface ThrottleWindow {
  hits: number;
  endsAt: number;
}

/**
 * Counts one hit of `key` and returns its window: a new window starts at the first hit after the last
 * one ended. One conditional upsert, so hits from several instances at once are all counted.
 */
export function hitThrottleWindow(db: Db, params: { key: string; now: number; windowMs: number }): ThrottleWindow {
  const { key, now, windowMs } = params;
  const row = db.get<{ hits: number; endsAt: number }>(sql`
    INSERT INTO throttle_windows (key, started_at, ends_at, hits) VALUES (${key}, ${now}, ${now + windowMs}, 1)
    ON CONFLICT(key) DO UPDATE SET
      started_at = CASE WHEN throttle_windows.ends_at <= ${now} THEN excluded.started_at ELSE throttle_windows.started_at END,
      ends_at = CASE WHEN throttle_windows.ends_at <= ${now} THEN excluded.ends_at ELSE throttle_windows.ends_at END,
      hits = CASE WHEN throttle_windows.ends_at <= ${now} THEN 1 ELSE throttle_windows.hits + 1 END
    RETURNING hits, ends_at AS endsAt`);
  return row!;
}

/** The key's running window, or null when it has none (never hit, or its window ended). */
export function throttleWindow(db: Db, params: { key: string; now: number }): ThrottleWindow | null {
  const row = db.get<{ hits: number; endsAt: number }>(sql`SELECT hits, ends_at AS endsAt FROM throttle_windows WHERE key = ${params.key} AND ends_at > ${params.now}`);
  return row ?? null;
}

export function resetThrottleWindow(db: Db, key: string): void {
  db.run(sql`DELETE FROM throttle_windows WHERE key = ${key}`);
}

/** Drops ended windows (the sweep keeps the table the size of the last window's distinct keys). */
export function deleteEndedThrottleWindows(db: Db, now: number): number {
  return db.delete(throttleWindows).where(lt(throttleWindows.endsAt, now)).run().changes;
}
