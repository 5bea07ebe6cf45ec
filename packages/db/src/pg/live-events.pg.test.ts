import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgDb } from './client.js';
import { listenLiveEventsPg, publishLiveEventPg } from './live-events.js';
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
          await publishLiveEventPg(tx, { kind: 'ticket_changed', ticketId: 1 });
          throw new Error('rolled back');
        })
        .catch(() => {});
      await db.transaction(async (tx) => {
        await publishLiveEventPg(tx, { kind: 'ticket_changed', ticketId: 2 });
        await publishLiveEventPg(tx, { kind: 'message_added', ticketId: 2 });
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
});
