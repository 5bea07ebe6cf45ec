import { sql } from 'drizzle-orm';
import pg from 'pg';
import type { PgExecutor } from './executor.js';

/**
 * Live events across instances (issue 16): a write publishes with NOTIFY inside its transaction —
 * PostgreSQL delivers it at COMMIT, and never for a rolled-back one — and every instance LISTENs on
 * one dedicated connection and fans the events out to its own browsers. Payloads are small JSON
 * (ids and kinds, never ticket text: NOTIFY caps them at 8000 bytes and readers re-read through the
 * permission checks). Identical payloads in one transaction are delivered once.
 */
export const LIVE_EVENTS_CHANNEL = 'atende_events';

/**
 * Events in one statement (one round trip, where a reply's three events took three), delivered in the
 * order given: `pg_notify` is volatile, so PostgreSQL evaluates it after the ORDER BY, row by row.
 */
export async function publishLiveEventsPg(db: PgExecutor, events: readonly Record<string, unknown>[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map((event) => JSON.stringify(event));
  await db.execute(sql`select pg_notify(${LIVE_EVENTS_CHANNEL}, e.payload) from unnest(${sql.param(payloads)}::text[]) with ordinality as e(payload, n) order by e.n`);
}

/**
 * Listens on its own connection, not the pool's (a pooled connection goes back to other work, and
 * pgbouncer in transaction mode cannot hold a LISTEN): point `url` straight at PostgreSQL.
 * `onError` hears a lost connection; the caller reconnects (and re-reads what it may have missed).
 */
export async function listenLiveEventsPg(
  url: string,
  onEvent: (event: Record<string, unknown>) => void,
  onError: (error: Error) => void = () => {},
): Promise<{ close: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: url });
  client.on('notification', (message) => {
    if (message.channel !== LIVE_EVENTS_CHANNEL || !message.payload) return;
    onEvent(JSON.parse(message.payload) as Record<string, unknown>);
  });
  client.on('error', onError);
  await client.connect();
  await client.query(`LISTEN ${LIVE_EVENTS_CHANNEL}`);
  return { close: () => client.end() };
}
