import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDb } from './client.js';
import pg from 'pg';
import { openPgDatabase, closePgDatabase } from './client.js';
import { listenLiveEventsPg, publishLiveEventsPg } from './live-events.js';
import { createPgTestDatabase } from './testing.js';

let db: PgDb;
let url: string;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ db, url, dispose } = await createPgTestDatabase());
});
afterAll(() => dispose?.());

describe('live events across instances (LISTEN/NOTIFY)', () => {
  it("another instance hears a committed change's event, and never a rolled-back one's", async () => {
    const heard: Record<string, unknown>[] = [];
    let arrived: () => void = () => {};
    const bothArrived = new Promise<void>((resolve) => (arrived = resolve));
    const listener = await listenLiveEventsPg(url, (event) => {
      if (heard.push(event) === 2) arrived();
    });
    try {
      await db
        .transaction(async (tx) => {
          await publishLiveEventsPg(tx, [{ kind: 'ticket_changed', ticketId: 1 }]);
          throw new Error('rolled back');
        })
        .catch(() => {});
      await db.transaction(async (tx) => {
        await publishLiveEventsPg(tx, [{ kind: 'ticket_changed', ticketId: 2 }]);
        await publishLiveEventsPg(tx, [{ kind: 'message_added', ticketId: 2 }]);
      });
      await bothArrived;
      // The committed transaction's two events, in order; the rolled-back one would have come first.
      expect(heard).toEqual([
        { kind: 'ticket_changed', ticketId: 2 },
        { kind: 'message_added', ticketId: 2 },
      ]);
    } finally {
      await listener.close();
    }
  });

  it('several events go in one statement and are heard in the order given', async () => {
    let statements = 0;
    class CountingClient extends pg.Client {
      override query(...args: unknown[]): never {
        statements++;
        return (super.query as (...a: unknown[]) => never)(...args);
      }
    }
    const counted = openPgDatabase(url, { max: 1, Client: CountingClient });
    const events = Array.from({ length: 12 }, (_, i) => ({ kind: i % 2 ? 'message_added' : 'ticket_changed', ticketId: 100 + i }));
    const heard: Record<string, unknown>[] = [];
    let arrived: () => void = () => {};
    const allArrived = new Promise<void>((resolve) => (arrived = resolve));
    const listener = await listenLiveEventsPg(url, (event) => {
      if (heard.push(event) === events.length) arrived();
    });
    try {
      await publishLiveEventsPg(counted, events);
      expect(statements).toBe(1);
      await allArrived;
      expect(heard).toEqual(events);
    } finally {
      await listener.close();
      await closePgDatabase(counted);
    }
  });
});
