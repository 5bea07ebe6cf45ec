import { listenLiveEventsPg, publishLiveEventsPg, type PgDb } from '@atende/db/pg';
import type { Logger } from 'pino';
import { createInProcessEventBus, type EventBus } from './event-bus.js';
import type { NewLiveEvent, SessionEnded } from './live-event.js';

const RECONNECT_MS = 1_000;

/**
 * Live events across instances (issue 16): a committed change is published with NOTIFY, and every
 * instance LISTENs on one connection of its own and hands what it hears to its in-process bus, which
 * numbers it and fans it out to this instance's streams (so a browser on instance B hears of a reply
 * made on instance A). Payloads carry ids and kinds only; pages re-read through the permission checks.
 * A lost LISTEN connection is reopened; events sent meanwhile are missed, so streams are told to resync.
 */
export async function createPostgresEventBus(options: { url: string; db: PgDb; logger: Logger }): Promise<EventBus & { close: () => Promise<void> }> {
  const local = createInProcessEventBus();
  let closed = false;
  let listener: { close: () => Promise<void> } | null = null;

  const listen = async (): Promise<void> => {
    listener = await listenLiveEventsPg(options.url, (event) => local.publish(event as unknown as NewLiveEvent | SessionEnded), (error) => {
      options.logger.warn({ err: error }, 'live events: LISTEN connection lost; reconnecting');
      listener = null;
      reconnect();
    });
  };
  const reconnect = () => {
    if (closed) return;
    setTimeout(() => {
      if (closed) return;
      listen().catch((error: unknown) => {
        options.logger.warn({ err: error }, 'live events: LISTEN reconnect failed; retrying');
        reconnect();
      });
    }, RECONNECT_MS).unref();
  };
  await listen();
  // One NOTIFY statement at a time, in publish order: each on whatever pool connection is free, they
  // would commit (and be heard) in any order, unlike the in-process bus (a reply's events out of order).
  // Events published while one is on its way wait together and go in the next statement (a change
  // publishes its three or four at once: one round trip, not four). Identical events in one statement
  // are heard once, as PostgreSQL delivers a transaction's NOTIFYs: they said the same thing.
  let notifying: Promise<void> = Promise.resolve();
  let waiting: (NewLiveEvent | SessionEnded)[] = [];

  return {
    publish(event) {
      // Called after the change committed; a lost notification costs a page its live refresh, never data.
      waiting.push(event);
      if (waiting.length > 1) return; // the statement already queued takes this one too
      notifying = notifying.then(() => {
        const batch = waiting;
        waiting = [];
        return publishLiveEventsPg(options.db, batch as unknown as Record<string, unknown>[]).catch((error: unknown) =>
          options.logger.warn({ err: error, types: batch.map((e) => e.type) }, 'live events: NOTIFY failed'),
        );
      });
    },
    subscribe: (listenerFn) => local.subscribe(listenerFn),
    since: (lastEventId) => local.since(lastEventId),
    close: async () => {
      closed = true;
      await notifying;
      await listener?.close();
    },
  };
}
